// A background import through the production server, as an editor's browser sends one: the files
// posted to /api/import-jobs in upload slices, the server's own job workers parsing, storing and
// running the suggestions and proposals, while its memory is sampled from /proc.
import { readFile } from "node:fs/promises";
import { jobQueue } from "@/lib/jobs/queue";
import { JOB_KINDS } from "@/lib/wiring";
import { processCpuMs } from "./cpu";
import { treeMemory } from "./server";

/** Files per request: a browser's upload slice of small files (lib/articles/http.ts takes up to 50 MB). */
const FILES_PER_REQUEST = 500;
const SAMPLE_MS = 250;
const TIMELINE_S = 5;
const TIMEOUT_MS = 30 * 60_000;

export type ImportFile = { filename: string; bytes: Uint8Array };

export type ServerImport = {
  files: number;
  megabytes: number;
  /** Until the last file was stored, and until no suggestion or proposal job was left. */
  storedSeconds: number;
  doneSeconds: number;
  /** VmHWM of the server and its children after the import. */
  peakBytes: number;
  /** The largest sampled RSS, split as the kernel counts it (anonymous: heaps and malloc; file: mapped code). */
  sampledPeak: { rssBytes: number; anonBytes: number; fileBytes: number; threads: number; atSeconds: number };
  /** RSS and thread count every TIMELINE_S seconds. */
  timeline: { atSeconds: number; rssMb: number; threads: number }[];
  /** The server's CPU (user + system, every thread) from the first request to the end. */
  cpuSeconds: number;
};

/** Posts `files` as one background import and waits until its follow-up jobs are done. */
export async function importThroughServer(options: { origin: string; pid: number; token: string; files: ImportFile[] }): Promise<ServerImport> {
  const { origin, pid, token, files } = options;
  const cpuBefore = await processCpuSeconds(pid);
  const started = performance.now();
  const sampled = { rssBytes: 0, anonBytes: 0, fileBytes: 0, threads: 0, atSeconds: 0 };
  const timeline: ServerImport["timeline"] = [];
  const sampler = setInterval(() => {
    void readStatus(pid).then((status) => {
      if (!status) return;
      const atSeconds = (performance.now() - started) / 1000;
      if (atSeconds >= timeline.length * TIMELINE_S)
        timeline.push({ atSeconds: Math.round(atSeconds), rssMb: Math.round(status.rssBytes / 2 ** 20), threads: status.threads });
      if (status.rssBytes > sampled.rssBytes) Object.assign(sampled, status, { atSeconds });
    });
  }, SAMPLE_MS);
  try {
    let jobId: string | null = null;
    for (let at = 0; at < files.length; at += FILES_PER_REQUEST) {
      const form = new FormData();
      for (const file of files.slice(at, at + FILES_PER_REQUEST)) form.append("file", new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.filename);
      if (jobId) form.set("offset", String(at));
      else form.set("total", String(files.length));
      const response = await fetch(jobId ? `${origin}/api/import-jobs/${jobId}/files` : `${origin}/api/import-jobs`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const body = (await response.json()) as { id?: string; error?: string };
      if (response.status !== 202 || !body.id) throw new Error(`The upload was refused (${response.status}): ${body.error ?? JSON.stringify(body)}`);
      jobId = body.id;
    }
    let storedSeconds = 0;
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`The import did not finish within ${TIMEOUT_MS / 60_000} min.`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (!storedSeconds) {
        const response = await fetch(`${origin}/api/import-jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } });
        const job = (await response.json()) as { status?: string; failed?: number };
        if (job.failed) throw new Error(`${job.failed} of ${files.length} files did not import.`);
        if (job.status === "finished") storedSeconds = (performance.now() - started) / 1000;
      }
      if (storedSeconds && (await jobQueue().pending(JOB_KINDS)) === 0) break;
    }
    const doneSeconds = (performance.now() - started) / 1000;
    return {
      files: files.length,
      megabytes: files.reduce((sum, file) => sum + file.bytes.byteLength, 0) / 2 ** 20,
      storedSeconds,
      doneSeconds,
      peakBytes: (await treeMemory(pid)).totalPeakBytes,
      sampledPeak: sampled,
      timeline,
      cpuSeconds: (await processCpuSeconds(pid)) - cpuBefore,
    };
  } finally {
    clearInterval(sampler);
  }
}

async function readStatus(pid: number): Promise<{ rssBytes: number; anonBytes: number; fileBytes: number; threads: number } | null> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  if (!status) return null;
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
  const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return { rssBytes: field("VmRSS"), anonBytes: field("RssAnon"), fileBytes: field("RssFile"), threads };
}

/** User and system CPU of a process and its threads so far (Linux; 0 elsewhere). */
async function processCpuSeconds(pid: number): Promise<number> {
  return ((await processCpuMs(pid)) ?? 0) / 1000;
}
