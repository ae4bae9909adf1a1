/**
 * Runs the tasks of lib/workers/tasks.ts (parsing imports, planning mention suggestions) on a
 * worker thread, so that a large or hostile input never holds up the thread that answers
 * requests. One thread, started on first use and stopped when idle, takes one task at a time;
 * a task over its time limit stops the thread (a synchronous parser cannot be interrupted any
 * other way) and fails with a TaskTimeoutError; the next task gets a fresh thread.
 *
 * The entry is written as `new Worker(new URL("./thread.ts", import.meta.url))` so that Next.js
 * bundles it as a worker of its own in `next build` and `next dev` (plain JavaScript for plain
 * Node.js, no TypeScript loader in the server); where lib/ runs as TypeScript source (tsx
 * scripts, Vitest) the thread loads the same entry through tsx.
 */
import { Worker } from "node:worker_threads";
import type { TaskInput, TaskName, TaskOutput } from "./tasks";

/** The thread's heap: beyond it a task fails (out of memory) instead of growing the server. */
const MAX_HEAP_MB = 384;
/** An idle thread gives its memory back after this long. */
const IDLE_MS = 30_000;

export class TaskTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`The work took longer than ${seconds} s and was stopped.`);
    this.name = "TaskTimeoutError";
  }
}

/**
 * By name, not by class: Next.js may bundle this module into several chunks, and the pool (on
 * globalThis) rejects with the class of whichever copy started it.
 */
export function isTaskTimeout(error: unknown): error is TaskTimeoutError {
  return error instanceof Error && error.name === "TaskTimeoutError";
}

/** The thread failed (out of memory, or crashed) while working on a task. */
export class TaskCrashError extends Error {
  constructor(cause: unknown) {
    super(`The worker thread stopped: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "TaskCrashError";
  }
}

type Pending = {
  id: number;
  name: TaskName;
  input: unknown;
  timeoutMs: number;
  background: boolean;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
};

type Reply = { id: number; ok: true; output: unknown } | { id: number; ok: false; error: string };

type PoolState = {
  worker: Worker | null;
  busy: Pending | null;
  /** Work someone waits for (previews, single imports) goes before background jobs' work. */
  queue: Pending[];
  background: Pending[];
  nextId: number;
  timer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
  /** When the last task someone waited for finished (or arrived). */
  lastWaitedAt: number;
  graceTimer: NodeJS.Timeout | null;
};

// On globalThis: Next.js may load this module more than once in one server process.
const holder = globalThis as unknown as { concordWorkerPool?: PoolState };
holder.concordWorkerPool ??= {
  worker: null,
  busy: null,
  queue: [],
  background: [],
  nextId: 1,
  timer: null,
  idleTimer: null,
  lastWaitedAt: 0,
  graceTimer: null,
};
const pool: PoolState = holder.concordWorkerPool;

function startWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB }, execArgv: conditionFlags(process.execArgv) };
  // Inside Next.js (which sets NEXT_RUNTIME) the entry is the worker bundle Next.js made of thread.ts.
  const worker = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./thread.ts", import.meta.url), options)
    : new Worker(loadThroughTsx(`${import.meta.url.slice(0, import.meta.url.lastIndexOf("/"))}/thread.ts`), { ...options, eval: true });
  worker.on("message", (reply: Reply) => {
    const task = pool.busy;
    if (!task || task.id !== reply.id) return;
    finish();
    if (reply.ok) task.resolve(reply.output);
    else task.reject(new Error(reply.error));
  });
  const lost = (cause: unknown) => {
    if (pool.worker !== worker) return;
    pool.worker = null;
    const task = pool.busy;
    finish();
    task?.reject(new TaskCrashError(cause));
  };
  worker.on("error", lost);
  worker.on("exit", (code) => lost(new Error(`exit code ${code}`)));
  return worker;
}

function finish(): void {
  if (pool.busy && !pool.busy.background) pool.lastWaitedAt = Date.now();
  if (pool.timer) clearTimeout(pool.timer);
  pool.timer = null;
  pool.busy = null;
  setImmediate(next);
}

/**
 * Background tasks wait this long after the last task someone waited for: previews of many files
 * come one after another, and each background task started between them would cost the next
 * preview a fresh thread.
 */
const BACKGROUND_GRACE_MS = 1_500;

function next(): void {
  if (pool.busy) return;
  const sinceWaited = Date.now() - pool.lastWaitedAt;
  if (pool.queue.length === 0 && pool.background.length > 0 && sinceWaited < BACKGROUND_GRACE_MS) {
    pool.graceTimer ??= setTimeout(() => {
      pool.graceTimer = null;
      next();
    }, BACKGROUND_GRACE_MS - sinceWaited);
    return;
  }
  const task = pool.queue.shift() ?? pool.background.shift();
  if (!task) {
    // An idle thread must not keep a command-line script alive.
    pool.worker?.unref();
    pool.idleTimer ??= setTimeout(() => void stopWorkers(), IDLE_MS).unref();
    return;
  }
  if (pool.idleTimer) clearTimeout(pool.idleTimer);
  pool.idleTimer = null;
  pool.worker ??= startWorker();
  pool.worker.ref();
  pool.busy = task;
  pool.timer = setTimeout(() => {
    const worker = pool.worker;
    pool.worker = null;
    pool.busy = null;
    pool.timer = null;
    task.reject(new TaskTimeoutError(Math.round(task.timeoutMs / 1000)));
    void worker?.terminate();
    setImmediate(next);
  }, task.timeoutMs);
  pool.worker.postMessage({ id: task.id, name: task.name, input: task.input });
}

/**
 * Runs one task on the worker thread; rejects with TaskTimeoutError past `timeoutMs`. A
 * `background` task waits while tasks someone waits for are queued, and gives way to them when running.
 */
export function runTask<N extends TaskName>(name: N, input: TaskInput<N>, options: { timeoutMs: number; background?: boolean }): Promise<TaskOutput<N>> {
  return new Promise((resolve, reject) => {
    const background = options.background ?? false;
    (background ? pool.background : pool.queue).push({
      id: pool.nextId++,
      name,
      input,
      timeoutMs: options.timeoutMs,
      background,
      resolve: resolve as (output: unknown) => void,
      reject,
    });
    if (!background) {
      pool.lastWaitedAt = Date.now();
      preemptBackground();
    }
    next();
  });
}

/**
 * A background task in the way of one someone waits for is stopped and queued again, so a preview
 * waits for a fresh thread rather than for a job's long task. Tasks are pure functions of their
 * input: the stopped one simply runs again later.
 */
function preemptBackground(): void {
  const task = pool.busy;
  if (!task?.background) return;
  if (pool.timer) clearTimeout(pool.timer);
  pool.timer = null;
  pool.busy = null;
  const worker = pool.worker;
  pool.worker = null;
  pool.background.unshift(task);
  void worker?.terminate();
}

/** The process's export conditions (`--conditions=react-server`), for the thread to resolve modules alike. */
function conditionFlags(argv: readonly string[]): string[] {
  const flags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith("--conditions=")) flags.push(argv[i]);
    else if ((argv[i] === "--conditions" || argv[i] === "-C") && i + 1 < argv.length) flags.push(`--conditions=${argv[++i]}`);
  }
  return flags;
}

/**
 * Where lib/ runs as TypeScript source (tsx scripts, Vitest), the thread registers tsx before
 * loading its entry: on Node.js 20 a worker's `--import` hooks come too late for its entry.
 */
function loadThroughTsx(entry: string): string {
  return `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

/** Stops the thread once it is idle (for shutdown and tests); a later task starts a new one. */
export async function stopWorkers(): Promise<void> {
  if (pool.idleTimer) clearTimeout(pool.idleTimer);
  pool.idleTimer = null;
  if (pool.busy || pool.queue.length > 0 || pool.background.length > 0) return;
  const worker = pool.worker;
  pool.worker = null;
  await worker?.terminate();
}
