/**
 * The worker thread's entry: runs the tasks of lib/workers/tasks.ts one at a time as the pool
 * sends them. A task that throws answers with the error's message; the thread stays up.
 */
import { parentPort } from "node:worker_threads";
import { TASKS, type TaskName } from "./tasks";

type Request = { id: number; name: TaskName; input: never };

const port = parentPort;
if (!port) throw new Error("lib/workers/thread.ts runs only as a worker thread.");

port.on("message", (request: Request) => {
  try {
    const output = TASKS[request.name](request.input);
    port.postMessage({ id: request.id, ok: true, output });
  } catch (error) {
    port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
