// The app under measurement: the production server (scripts/serve.mjs, Next.js in production mode) on a free loopback port, using the
// bench database; built once when no usable build exists.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { clearRuntimeCaches } from "../runtime-cache";
import { SERVE_ENV, SERVE_NODE_FLAGS } from "../serve-flags.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/.bin/next");
const serveScript = path.join(root, "scripts/serve.mjs");
const BUILD_TIMEOUT_MS = 20 * 60_000;
const START_TIMEOUT_MS = 120_000;

export type BuildChoice = { distDir: string; built: boolean; buildSeconds: number | null };

/**
 * The build to serve: NEXT_DIST_DIR (else .next) when it holds a finished build, else .next-bench
 * when that does; otherwise (or with `force`) one `next build` into NEXT_DIST_DIR or .next-bench.
 */
export async function ensureBuild(options: { force: boolean; logFile: string; log: (line: string) => void }): Promise<BuildChoice> {
  const configured = process.env.NEXT_DIST_DIR;
  const candidates = configured ? [configured] : [".next", ".next-bench"];
  if (!options.force) {
    const ready = candidates.find((dir) => existsSync(path.join(root, dir, "BUILD_ID")));
    if (ready) return { distDir: ready, built: false, buildSeconds: null };
  }
  const distDir = configured ?? ".next-bench";
  options.log(`Building the app into ${distDir} (next build; output in ${path.relative(root, options.logFile)})…`);
  const started = performance.now();
  const code = await runLogged(nextBin, ["build"], { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" }, options.logFile, BUILD_TIMEOUT_MS);
  if (code !== 0) throw new Error(`next build failed (exit code ${code}); see ${options.logFile}.`);
  return { distDir, built: true, buildSeconds: (performance.now() - started) / 1000 };
}

function runLogged(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const log = createWriteStream(logFile, { flags: "a" });
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      log.end();
      resolve(code ?? 1);
    });
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type AppServer = {
  origin: string;
  pid: number;
  /** Peak resident memory (VmHWM) of the server process and its children so far. */
  peakMemory: () => Promise<ProcessMemory>;
  /** Starts the peak over (VmHWM back to the current RSS), so the next reading is the peak of what follows. */
  resetPeakMemory: () => Promise<void>;
  stop: () => Promise<void>;
};

// Servers started and not yet stopped, so an interrupted run can stop one that is still starting.
const running = new Set<() => Promise<void>>();

export async function stopStartedServers(): Promise<void> {
  await Promise.allSettled([...running].map((stop) => stop()));
}

export async function startAppServer(options: { databaseUrl: string; poolMax: number; distDir: string; logFile: string }): Promise<AppServer> {
  await clearRuntimeCaches(root, options.distDir);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = createWriteStream(options.logFile, { flags: "a" });
  const child: ChildProcess = spawn(process.execPath, [...SERVE_NODE_FLAGS, serveScript, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...SERVE_ENV,
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_MAX: String(options.poolMax),
      NEXT_DIST_DIR: options.distDir,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: origin,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(stop);
    log.end();
  };
  running.add(stop);
  try {
    await waitUntilServing(`${origin}/signin`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, pid: child.pid!, peakMemory: () => treeMemory(child.pid!), resetPeakMemory: () => resetTreePeak(child.pid!), stop };
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app server exited with code ${child.exitCode}.`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app server did not answer ${url} within ${START_TIMEOUT_MS / 1000} s.`);
}

// ───────────────────────────── memory ─────────────────────────────

export type ProcessMemory = { totalPeakBytes: number; processes: { pid: number; name: string; peakBytes: number; currentBytes: number }[] };

/** VmHWM (peak resident set) of `pid` and every descendant, from /proc (Linux only; empty elsewhere). */
export async function treeMemory(pid: number): Promise<ProcessMemory> {
  const pids = [pid, ...(await descendants(pid))];
  const processes = [];
  for (const p of pids) {
    const status = await readFile(`/proc/${p}/status`, "utf8").catch(() => null);
    if (!status) continue;
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
    processes.push({ pid: p, name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?", peakBytes: field("VmHWM"), currentBytes: field("VmRSS") });
  }
  return { totalPeakBytes: processes.reduce((sum, p) => sum + p.peakBytes, 0), processes };
}

/** Writing 5 to clear_refs resets a process's VmHWM (Linux 4.0 and later; allowed for one's own processes). */
async function resetTreePeak(pid: number): Promise<void> {
  for (const p of [pid, ...(await descendants(pid))]) await writeFile(`/proc/${p}/clear_refs`, "5").catch(() => {});
}

async function descendants(pid: number): Promise<number[]> {
  const entries = await readdir("/proc").catch(() => [] as string[]);
  const parents = new Map<number, number>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => null);
    // The name in parentheses may contain spaces; fields after it are fixed.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : NaN;
    if (Number.isInteger(ppid)) parents.set(Number(entry), ppid);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const [child, parent] of parents) {
      if (parent === current) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

// ───────────────────────────── signing in ─────────────────────────────

/** Signs in through next-auth's credentials endpoint as a browser would; returns the Cookie header for later requests. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = cookiePairs(csrfResponse.headers.getSetCookie());
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/`, json: "true" }),
  });
  await response.arrayBuffer();
  const cookies = [...jar, ...cookiePairs(response.headers.getSetCookie())];
  const session = cookies.find((pair) => pair.includes("session-token="));
  if (!session) throw new Error(`Signing in as ${email} failed (status ${response.status}).`);
  return cookies.join("; ");
}

function cookiePairs(setCookies: string[]): string[] {
  return setCookies.map((header) => header.split(";")[0]!).filter((pair) => !pair.endsWith("="));
}
