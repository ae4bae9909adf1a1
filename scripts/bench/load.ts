import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

export type LoadResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number; bytesPerRequest: number };

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost)[:/]/;

/** Drives `url` with `connections` concurrent connections for `seconds` (loopback only). */
export async function loadTest(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  if (!LOOPBACK.test(url)) throw new Error(`Load tests only target this machine's loopback address, not ${url}.`);
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds, headers: options.headers });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerRequest: result.requests.total ? result.throughput.total / result.requests.total : 0,
  };
}

export type CeilingServer = { url: string; pid: number; close: () => Promise<void> };

/**
 * The physical ceiling: a bare Node.js server answering every request with `body` and the
 * headers `headers` (a flat [name, value, …] list, in order). It runs in its own process with
 * plain Node.js, as the production server does, so the load generator in this process never
 * shares an event loop with the server it measures and neither carries a TypeScript loader.
 */
export async function startCeilingServer(body: Buffer, headers: string[]): Promise<CeilingServer> {
  const dir = await mkdtemp(path.join(tmpdir(), "concord-ceiling-"));
  const bodyFile = path.join(dir, "body");
  const headersFile = path.join(dir, "headers.json");
  await writeFile(bodyFile, body);
  await writeFile(headersFile, JSON.stringify(headers));
  const script = path.join(import.meta.dirname, "ceiling-server.mjs");
  const child = spawn(process.execPath, [script, bodyFile, headersFile], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The ceiling server did not start within 30 s.")), 30_000);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The ceiling server exited with code ${code}.`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid!,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type RawResponse = {
  status: number;
  /** Header names and values as sent, flat and in order. */
  headers: string[];
  body: Buffer;
};

/** Headers that Node.js's HTTP server writes itself on every answer: never copied into the ceiling's list. */
const SERVER_WRITTEN = new Set(["date", "connection", "keep-alive"]);

/**
 * One GET exactly as the load tool sends it (autocannon: request line, Host, Connection:
 * keep-alive and nothing else, so no Accept-Encoding), read off the socket without any
 * decoding: the bytes the load tool receives.
 */
export function rawGet(url: string): Promise<RawResponse> {
  if (!LOOPBACK.test(url)) throw new Error(`Only this machine's loopback address, not ${url}.`);
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.hostname, port: Number(target.port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy(new Error(`No complete answer from ${url} within 30 s.`)));
    socket.on("connect", () => socket.write(`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: keep-alive\r\n\r\n`));
    socket.on("error", reject);
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      const data = Buffer.concat(chunks);
      const end = data.indexOf("\r\n\r\n");
      if (end < 0) return;
      const [statusLine, ...lines] = data.subarray(0, end).toString("latin1").split("\r\n");
      const headers = lines.flatMap((line) => {
        const colon = line.indexOf(":");
        return [line.slice(0, colon), line.slice(colon + 1).trim()];
      });
      const value = (name: string) => {
        for (let i = 0; i < headers.length; i += 2) if (headers[i]!.toLowerCase() === name) return headers[i + 1];
        return undefined;
      };
      if (value("transfer-encoding")) {
        socket.destroy();
        reject(new Error(`${url} answered with a chunked body; the ceiling needs a page copy with Content-Length.`));
        return;
      }
      const length = Number(value("content-length") ?? 0);
      if (data.length < end + 4 + length) return;
      socket.destroy();
      resolve({ status: Number(statusLine!.split(" ")[1]), headers, body: data.subarray(end + 4, end + 4 + length) });
    });
  });
}

/** The header list for the ceiling server: everything the app sent except what Node.js's server writes itself. */
export function ceilingHeaders(response: RawResponse): string[] {
  const list: string[] = [];
  for (let i = 0; i < response.headers.length; i += 2) {
    if (!SERVER_WRITTEN.has(response.headers[i]!.toLowerCase())) list.push(response.headers[i]!, response.headers[i + 1]!);
  }
  return list;
}

/**
 * Fingerprints of an answer as the load tool receives it: status, the header block (Date's value
 * left out, since it changes every second) and the body, each hashed.
 */
export function responseFingerprint(response: RawResponse): { status: number; headersSha256: string; bodySha256: string; bytes: number } {
  const block: string[] = [];
  for (let i = 0; i < response.headers.length; i += 2) {
    const name = response.headers[i]!;
    block.push(`${name}: ${name.toLowerCase() === "date" ? "" : response.headers[i + 1]}`);
  }
  const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
  return { status: response.status, headersSha256: sha(block.join("\r\n")), bodySha256: sha(response.body), bytes: response.body.byteLength };
}

/** Percentile of a list of durations in milliseconds (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Runs `operation` `count` times one after another (after `warmup` unmeasured runs) and returns
 * each duration in milliseconds. Stops early after `budgetMs`, so a slow figure cannot hang a run.
 */
export async function timeRepeated(
  count: number,
  operation: (i: number) => Promise<void>,
  options: { warmup?: number; budgetMs?: number } = {},
): Promise<number[]> {
  for (let k = 0; k < (options.warmup ?? 0); k++) await operation(count + k);
  const durations: number[] = [];
  const deadline = performance.now() + (options.budgetMs ?? 120_000);
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const started = performance.now();
    await operation(i);
    durations.push(performance.now() - started);
  }
  return durations;
}
