import { isTaskTimeout, runTask } from "@/lib/workers/pool";
import type { ImportSource, PreparedImport } from "./prepare";

/** Longer than any real article takes (a 5 MB text parses in a few seconds); a file past it is refused. */
const PARSE_TIME_LIMIT_MS = 30_000;

/**
 * Parses sources on the worker threads (lib/workers), so that an odd or hostile file never holds
 * up the requests of other users; `background` (a job's files) lets parses someone waits for go
 * first. Each file is a task of its own (its own time limit), all queued at once: they run on
 * whichever thread is free, and a job's files wait for their turn behind other background work
 * once, not once per file. A file that takes too long or exhausts the thread's memory becomes a
 * per-file failure like any file the parser refuses.
 */
export function prepareImportsOffThread(sources: readonly ImportSource[], options: { background?: boolean } = {}): Promise<PreparedImport[]> {
  return Promise.all(sources.map((source) => prepareOne(source, options.background ?? false)));
}

async function prepareOne(source: ImportSource, background: boolean): Promise<PreparedImport> {
  const file = source.filename ?? null;
  try {
    return await runTask("prepareImport", source, { timeoutMs: PARSE_TIME_LIMIT_MS, background });
  } catch (error) {
    if (isTaskTimeout(error)) {
      return {
        ok: false,
        file,
        code: "timeout",
        error: `Reading this file took longer than ${error.seconds} seconds, so it was stopped. Check that it is a news article; a very large or deeply nested page cannot be imported.`,
      };
    }
    console.error(`Importing ${file ?? "pasted text"} failed in the worker thread:`, error);
    return { ok: false, file, code: "parser", error: "The importer could not read this file." };
  }
}
