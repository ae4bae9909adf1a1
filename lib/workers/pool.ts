/**
 * Runs the tasks of lib/workers/tasks.ts (parsing imports, planning mention suggestions, reading
 * and grouping proposals) on worker threads, so that a large or hostile input never holds up the
 * thread that answers requests. Up to THREADS threads, each started on first use and stopped when
 * idle, take one task at a time each; a task over its time limit stops its thread (a synchronous
 * parser cannot be interrupted any other way) and fails with a TaskTimeoutError; the next task
 * there gets a fresh thread. Tasks someone waits for go to any free thread; background tasks go,
 * by kind, to one thread (LANES).
 *
 * The entry is written as `new Worker(new URL("./thread.ts", import.meta.url))` so that Next.js
 * bundles it as a worker of its own in `next build` and `next dev` (plain JavaScript for plain
 * Node.js, no TypeScript loader in the server); where lib/ runs as TypeScript source (tsx
 * scripts, Vitest) the thread loads the same entry through tsx.
 */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import type { TaskInput, TaskName, TaskOutput } from "./tasks";

/** The thread's heap: beyond it a task fails (out of memory) instead of growing the server. */
const MAX_HEAP_MB = 384;
/** An idle thread gives its memory back after this long. */
const IDLE_MS = 30_000;
/**
 * A thread no kind of background task runs on (LANES) keeps nothing between tasks, so it stops
 * sooner: it parses an import's files at the start, and held its heap (some 70 MB) through the
 * background work that follows, when the server's memory peaks (a 1,000-file import: 615 and 622
 * MB peak RSS, 570 with these threads stopped after 10 s, 541 and 540 after 5 s;
 * docs/performance.md). A preview that finds it stopped while the other thread runs background
 * work waits for a fresh thread (0.6–0.8 s in the built server, against 12–45 ms warm): 10 s
 * rather than 5 spares that to previews made a few seconds apart.
 */
const LANELESS_IDLE_MS = 10_000;
/**
 * While background work runs or waits (an import's suggestions and proposals), such a thread stops
 * after 3 s idle instead: the server's memory peaks then, and the thread's heap is given back while
 * the background thread's grows. 3 s keeps it up between an import's upload slices (stopping at
 * once restarted it for each slice and stored the files 3–5 s later). An import's jobs hand their
 * background tasks to the pool after its last file is parsed, so this is asked again every 3 s of
 * idleness rather than once when the thread goes idle. A 1,000-file import at 10,000 articles
 * peaked at 522–562 MB against 551–609, its files stored and its follow-up work done as soon
 * (docs/performance.md).
 */
const LANELESS_IDLE_MS_IN_BACKGROUND_WORK = 3_000;
/**
 * Threads per process: work someone waits for (a preview, a single import) and an import's parsing
 * run beside the background work on two cores instead of in turn on one. Each costs its heap
 * (60–200 MB) while it runs, and stops when idle.
 */
const THREADS = Math.min(2, availableParallelism());

/**
 * The thread each kind of background task runs on (modulo THREADS): all on the first. A kind
 * always on the same thread finds there what the previous task of its kind left (the registry
 * tables, the extractions the last grouping held; tasks.ts) and code the thread has already
 * optimized: two threads each taking any task cost an import about a fifth more CPU (each building
 * every table and compiling every task's code, each heap collected apart), and a grouping on the
 * other thread had to be sent its block again. Reading texts for proposals had a thread of its
 * own, beside suggestions and grouping: an import's follow-up work then finished 5–17 % sooner for
 * the same CPU, but that thread's heap and the main thread's extra work in flight raised the
 * server's peak RSS during a 1,000-file import by 70–190 MB, over its 600 MB target
 * (docs/performance.md).
 * Parsing, which keeps nothing, goes to whichever thread is free.
 */
const LANES: Partial<Record<TaskName, number>> = { extractProposals: 0, groupProposalsAround: 0, planSuggestions: 0, diffSuggestions: 0 };

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

type Slot = {
  worker: Worker | null;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
  /** When the thread's last task finished. */
  idleSince: number;
};

type PoolState = {
  slots: Slot[];
  /** Work someone waits for (previews, single imports) goes before background jobs' work. */
  queue: Pending[];
  background: Pending[];
  nextId: number;
  /** When the last task someone waited for finished (or arrived). */
  lastWaitedAt: number;
  graceTimer: NodeJS.Timeout | null;
};

// On globalThis: Next.js may load this module more than once in one server process.
const holder = globalThis as unknown as { concordWorkerThreads?: PoolState };
holder.concordWorkerThreads ??= {
  slots: Array.from({ length: THREADS }, () => ({ worker: null, busy: null, timer: null, idleTimer: null, idleSince: 0 })),
  queue: [],
  background: [],
  nextId: 1,
  lastWaitedAt: 0,
  graceTimer: null,
};
const pool: PoolState = holder.concordWorkerThreads;

function startWorker(slot: Slot): Worker {
  releaseProcessHeapLimit();
  const options = { resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB }, execArgv: conditionFlags(process.execArgv) };
  // Inside Next.js (which sets NEXT_RUNTIME) the entry is the worker bundle Next.js made of thread.ts.
  const worker = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./thread.ts", import.meta.url), options)
    : new Worker(loadThroughTsx(`${import.meta.url.slice(0, import.meta.url.lastIndexOf("/"))}/thread.ts`), { ...options, eval: true });
  worker.on("message", (reply: Reply) => {
    const task = slot.busy;
    if (slot.worker !== worker || !task || task.id !== reply.id) return;
    finish(slot);
    if (reply.ok) task.resolve(reply.output);
    else task.reject(new Error(reply.error));
  });
  const lost = (cause: unknown) => {
    if (slot.worker !== worker) return;
    slot.worker = null;
    const task = slot.busy;
    finish(slot);
    task?.reject(new TaskCrashError(cause));
  };
  worker.on("error", lost);
  worker.on("exit", (code) => lost(new Error(`exit code ${code}`)));
  return worker;
}

function finish(slot: Slot): void {
  if (slot.busy && !slot.busy.background) pool.lastWaitedAt = Date.now();
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.busy = null;
  setImmediate(next);
}

/**
 * V8 reads `--max-old-space-size` for every isolate it creates, and the flag wins over a thread's
 * `resourceLimits`: under the production server's flag (scripts/serve-flags.mjs, 1.5 GB) each
 * thread's heap could grow to 1.5 GB instead of MAX_HEAP_MB, and with it V8's allowance for
 * garbage between collections. The main thread's heap was sized when the process started;
 * clearing the flag leaves it as it is and gives the threads their own limit.
 */
function releaseProcessHeapLimit(): void {
  setFlagsFromString("--max-old-space-size=0");
}

/** Stops a slot's thread; what it held is gone with it. */
function stopThread(slot: Slot): void {
  const worker = slot.worker;
  slot.worker = null;
  void worker?.terminate();
}

/**
 * Background tasks wait this long after the last task someone waited for: previews of many files
 * come one after another, and each background task started between them would cost the next
 * preview a fresh thread.
 */
const BACKGROUND_GRACE_MS = 1_500;

/** The next task for an idle slot: work someone waits for first, then background work of the slot's lane or of none. */
function takeFor(slot: Slot, queue: Pending[]): Pending | undefined {
  const lane = pool.slots.indexOf(slot);
  const at = queue.findIndex((task) => {
    const wanted = LANES[task.name];
    return !task.background || wanted === undefined || wanted % pool.slots.length === lane;
  });
  return at < 0 ? undefined : queue.splice(at, 1)[0];
}

function next(): void {
  const idle = pool.slots.filter((slot) => !slot.busy);
  // A thread already running (its registry tables built) before a fresh one.
  idle.sort((a, b) => Number(!a.worker) - Number(!b.worker));
  const sinceWaited = Date.now() - pool.lastWaitedAt;
  const backgroundDue = sinceWaited >= BACKGROUND_GRACE_MS;
  for (const slot of idle) {
    const task = takeFor(slot, pool.queue) ?? (backgroundDue && pool.queue.length === 0 ? takeFor(slot, pool.background) : undefined);
    if (task) run(slot, task);
  }
  if (!backgroundDue && pool.queue.length === 0 && pool.background.length > 0) {
    pool.graceTimer ??= setTimeout(() => {
      pool.graceTimer = null;
      next();
    }, BACKGROUND_GRACE_MS - sinceWaited);
  }
  for (const slot of pool.slots) {
    if (slot.busy || !slot.worker) continue;
    // An idle thread must not keep a command-line script alive.
    slot.worker.unref();
    if (slot.idleTimer) continue;
    slot.idleSince = Date.now();
    armIdleTimer(slot, holdsLane(slot) ? IDLE_MS : LANELESS_IDLE_MS_IN_BACKGROUND_WORK);
  }
}

function armIdleTimer(slot: Slot, ms: number): void {
  slot.idleTimer = setTimeout(() => stopIdle(slot), ms).unref();
}

/** Whether background work runs or waits: the server's memory is then at its height. */
function backgroundRunning(): boolean {
  return pool.slots.some((slot) => slot.busy?.background) || pool.background.length > 0;
}

/** Whether some kind of background task runs on this slot's thread, which then keeps what those tasks leave. */
function holdsLane(slot: Slot): boolean {
  const lane = pool.slots.indexOf(slot);
  return Object.values(LANES).some((wanted) => wanted % pool.slots.length === lane);
}

function stopIdle(slot: Slot): void {
  slot.idleTimer = null;
  if (slot.busy) return;
  const left = LANELESS_IDLE_MS - (Date.now() - slot.idleSince);
  if (holdsLane(slot) || left <= 0 || backgroundRunning()) stopThread(slot);
  else armIdleTimer(slot, Math.min(LANELESS_IDLE_MS_IN_BACKGROUND_WORK, left));
}

function run(slot: Slot, task: Pending): void {
  if (slot.idleTimer) clearTimeout(slot.idleTimer);
  slot.idleTimer = null;
  slot.worker ??= startWorker(slot);
  const worker = slot.worker;
  worker.ref();
  slot.busy = task;
  slot.timer = setTimeout(() => {
    slot.busy = null;
    slot.timer = null;
    stopThread(slot);
    task.reject(new TaskTimeoutError(Math.round(task.timeoutMs / 1000)));
    setImmediate(next);
  }, task.timeoutMs);
  worker.postMessage({ id: task.id, name: task.name, input: task.input });
}

/**
 * Runs one task on a worker thread; rejects with TaskTimeoutError past `timeoutMs`. A
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
 * When every thread is busy, a background task in the way of one someone waits for is stopped and
 * queued again, so a preview waits for a fresh thread rather than for a job's long task. Tasks are
 * pure functions of their input (what a thread keeps between tasks, a fresh one is sent again):
 * the stopped one simply runs again later. The last lane's goes first: the first one's thread
 * holds the most (the suggestion matcher, the grouping's extractions).
 */
function preemptBackground(): void {
  if (pool.slots.some((slot) => !slot.busy)) return;
  const slot = pool.slots.findLast((s) => s.busy?.background);
  if (!slot) return;
  const task = slot.busy!;
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.busy = null;
  stopThread(slot);
  pool.background.unshift(task);
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

/** Stops the threads once they are idle (for shutdown and tests); a later task starts new ones. */
export async function stopWorkers(): Promise<void> {
  if (pool.slots.some((slot) => slot.busy) || pool.queue.length > 0 || pool.background.length > 0) return;
  const stopping: Promise<number>[] = [];
  for (const slot of pool.slots) {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    const worker = slot.worker;
    slot.worker = null;
    if (worker) stopping.push(worker.terminate());
  }
  await Promise.all(stopping);
}
