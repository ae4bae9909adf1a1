// @ts-check
/**
 * Node.js flags of the production server process (scripts/serve.mjs), passed by whatever starts it
 * (npm start, the benchmark), so the benchmark measures what users run.
 *
 * --max-old-space-size: V8 lets the heap grow to four times what survived the last full
 * collection when its limit is 2 GB or more (the default here is about 4 GB), and by less under a
 * smaller limit. Under load most of what the server allocates dies young but is promoted anyway (a
 * request in flight survives the young generation's collections), so the default let the heap of
 * garbage reach 300+ MB before a full collection; 1.5 GB is three times the largest peak measured
 * (517 MB at 100,000 articles).
 *
 * --heap-growing-percent: V8 let each heap grow to about twice what survived its last full
 * collection before the next one (under this limit), so during a background import (live: the
 * main thread's 170 MB, the worker threads' 100 and 40 MB) the server held about as much garbage
 * again; at 30% it holds a third of that, for a few more full collections (docs/performance.md).
 * V8 applies it to every thread.
 *
 * No --max-semi-space-size: at 8 MB instead of 16 an import's peak fell by some 40 MB, but entity
 * search under load took half as long again, over its target (docs/performance.md).
 */
export const SERVE_NODE_FLAGS = ["--max-old-space-size=1536", "--heap-growing-percent=30"];

/**
 * Environment of the production server process, under what its starter was given (an operator's
 * own value wins). glibc's malloc gives each thread that allocates an arena of its own, up to eight
 * per core, and keeps what is freed there for that arena's later use; during a background import
 * the worker threads, Prisma and the pg driver pass megabytes of JSON back and forth, and after a
 * 1,000-file import 95–107 MB of the server's RSS sat in 18–19 such arenas. Two arenas for the
 * whole process held 10–23 MB; with the background work on one worker thread (lib/workers/pool.ts)
 * the import's peak went from 750–823 to 568–625 MB in four pairs (docs/performance.md).
 */
export const SERVE_ENV = { MALLOC_ARENA_MAX: "2" };
