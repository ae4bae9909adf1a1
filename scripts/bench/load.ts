import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
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
 * The physical ceiling: a bare Node.js server answering every request with `body`. It runs in
 * its own process, as `next start` does, so the load generator in this process never shares
 * an event loop with the server it measures.
 */
export async function startCeilingServer(body: Buffer, headers: Record<string, string>): Promise<CeilingServer> {
  const dir = await mkdtemp(path.join(tmpdir(), "concord-ceiling-"));
  const bodyFile = path.join(dir, "body");
  await writeFile(bodyFile, body);
  const script = path.join(import.meta.dirname, "ceiling-server.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, bodyFile, JSON.stringify(headers)], { stdio: ["ignore", "pipe", "inherit"] });
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
