// npm run bench -- [--scale N] [--only NAME]… [--quick] [--seed N] [--build] [--quiet [LOAD]]
// Creates a fresh scratch database (on DATABASE_URL's server, else embedded), loads a synthetic
// workspace of N articles, runs the benchmarks, prints each figure against its target and writes
// bench-results/<timestamp>.json and bench-results/latest.json.
import { mkdir } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { disconnectDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch";
import { readArgs } from "../args";
import {
  benchAnnotationCreate,
  benchArticlePage,
  benchBriefing,
  benchEntitySearch,
  benchImport,
  benchMemory,
  benchReanchor,
  benchReviewQueue,
  benchSearch,
  benchServerImport,
  benchProposals,
  benchSuggestions,
  figure,
  type BenchContext,
  type Figure,
  type HttpContext,
} from "./benchmarks";
import { NOTES } from "./notes";
import { describeMachine, formatTable, previousFigures, RESULTS_DIR, sampleLoad, waitForQuiet, writeRecord, type RunRecord } from "./report";
import { BENCH_PASSWORD, seedWorkspace } from "./seed";
import { ensureBuild, signIn, startAppServer, stopStartedServers, type AppServer } from "./server";

const DEFAULT_QUIET_LOAD = 0.5;
const DEFAULT_QUIET_WAIT = 30;

const USAGE = `Usage: npm run bench -- [--scale N] [--only NAME]… [--quick] [--seed N] [--build]
  --scale N    articles in the workspace (default 10000); annotations ≈ 10×N, entities N/2, events N/5
  --only NAME  run only these benchmarks (repeat or comma-separate): ${[
    "import",
    "suggestions",
    "proposals",
    "reanchor",
    "briefing",
    "article-page",
    "annotation-create",
    "search",
    "review-queue",
    "entity-search",
    "memory",
    "server-import",
  ].join(", ")}
  --quick      short load tests and few samples (CI smoke run)
  --seed N     corpus seed (default 20261121): the same seed gives the same corpus
  --build      run next build even when a build exists
  --hold M     after the benchmarks, keep the server and database up for M minutes (profiling; Ctrl-C ends it)
  --keep       keep the database afterwards (for query plans) and print its URL
  --quiet L    after loading the workspace, wait until the 1-minute load average is at most L (default ${DEFAULT_QUIET_LOAD})
               before measuring, for at most --quiet-wait minutes (default ${DEFAULT_QUIET_WAIT})`;

const IN_PROCESS = { import: benchImport, suggestions: benchSuggestions, proposals: benchProposals, reanchor: benchReanchor } as const;
const OVER_HTTP = {
  briefing: benchBriefing,
  "article-page": benchArticlePage,
  "annotation-create": benchAnnotationCreate,
  search: benchSearch,
  "review-queue": benchReviewQueue,
  "entity-search": benchEntitySearch,
} as const;
const NAMES = [...Object.keys(IN_PROCESS), ...Object.keys(OVER_HTTP), "memory", "server-import"];

const { values } = readArgs({
  scale: { type: "string" },
  only: { type: "string", multiple: true },
  quick: { type: "boolean" },
  seed: { type: "string" },
  build: { type: "boolean" },
  hold: { type: "string" },
  quiet: { type: "string" },
  keep: { type: "boolean" },
  "quiet-wait": { type: "string" },
  help: { type: "boolean", short: "h" },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scale = Number(values.scale ?? 10_000);
const seed = Number(values.seed ?? 20_261_121);
const quick = values.quick ?? false;
const only = values.only
  ? values.only
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean)
  : null;
const unknown = only?.filter((name) => !NAMES.includes(name)) ?? [];
if (!Number.isInteger(scale) || scale < 10 || !Number.isInteger(seed) || unknown.length > 0) {
  console.error(unknown.length ? `Unknown benchmark ${unknown.join(", ")}.\n${USAGE}` : USAGE);
  process.exit(2);
}
const quiet = values.quiet === undefined ? null : Number(values.quiet || DEFAULT_QUIET_LOAD);
const quietWait = Number(values["quiet-wait"] ?? DEFAULT_QUIET_WAIT);
if ((quiet !== null && !(quiet > 0)) || !(quietWait >= 0)) {
  console.error(USAGE);
  process.exit(2);
}
const selected = (name: string) => !only || only.includes(name);
const httpSelected = Object.keys(OVER_HTTP).some(selected) || ["memory", "server-import"].some((name) => only?.includes(name) ?? false);

const log = (line: string) => console.log(line);
const startedAt = new Date();
const runId = startedAt.getTime().toString(36);
const serverLog = path.join(RESULTS_DIR, `server-${runId}.log`);

await mkdir(RESULTS_DIR, { recursive: true });
const database = await createScratchDatabase("concord_bench");
process.env.DATABASE_URL = database.url;
// The embedded database serves one connection per process (see lib/db).
process.env.DATABASE_POOL_MAX = database.embedded ? "1" : "10";
log(
  `Benchmark database: ${database.embedded ? "embedded (in memory)" : new URL(database.url).pathname.slice(1)} · scale ${scale} · seed ${seed}${quick ? " · quick" : ""}`,
);

const figures: Figure[] = [];
let record: RunRecord | null = null;
let server: AppServer | null = null;
let holding = false;
// Interrupted, the run still stops its server and drops its database (while holding, Ctrl-C only ends the hold).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (holding) return;
    void stopStartedServers()
      .then(() => database.drop())
      .catch(() => {})
      .then(() => process.exit(130));
  });
}
try {
  const machine = await describeMachine(database.url, database.embedded);
  log(`Machine: ${machine.cpus} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${machine.node}, load ${machine.loadAverageAtStart.join(" ")}`);
  await migrate(database.url);

  log("Loading the workspace…");
  const setupStarted = performance.now();
  const workspace = await seedWorkspace({ scale, seed, runId, log });
  const setupSeconds = Math.round((performance.now() - setupStarted) / 100) / 10;
  log(`Workspace loaded in ${setupSeconds} s.`);
  const context: BenchContext = {
    workspace,
    scale,
    seed,
    quick,
    // The embedded database runs inside this process: its CPU is the process's.
    serverDatabase: database.embedded ? null : new URL(database.url).pathname.slice(1),
  };
  const waited = quiet === null ? null : await waitForQuiet(quiet, quietWait, log);
  if (waited && !waited.quietReached) log(`The machine did not get quiet within ${quietWait} min; measuring anyway (the run is flagged).`);
  const loadSampler = sampleLoad();

  const run = async (name: string, bench: () => Promise<Figure[]>) => {
    log(`Running ${name}…`);
    try {
      figures.push(...(await bench()));
    } catch (error) {
      console.error(error);
      figures.push({ ...figure({ name, label: name, value: Number.NaN, unit: "", target: null }), error: (error as Error).message });
    }
  };

  for (const [name, bench] of Object.entries(IN_PROCESS)) if (selected(name)) await run(name, () => bench(context));

  let build: RunRecord["build"] = null;
  if (httpSelected) {
    build = await ensureBuild({ force: values.build ?? false, logFile: path.join(RESULTS_DIR, `build-${runId}.log`), log });
    log(`Starting the production server (build ${build.distDir}; log in ${path.relative(process.cwd(), serverLog)})…`);
    server = await startAppServer({ databaseUrl: database.url, poolMax: database.embedded ? 1 : 10, distDir: build.distDir, logFile: serverLog });
    const httpContext: HttpContext = {
      ...context,
      server,
      editorCookie: await signIn(server.origin, workspace.users.editor.email, BENCH_PASSWORD),
      analystCookie: await signIn(server.origin, workspace.users.analyst.email, BENCH_PASSWORD),
    };
    // The server's peak after each benchmark shows which one raised it.
    const peakAfter: Record<string, number> = { start: (await server.peakMemory()).totalPeakBytes };
    for (const [name, bench] of Object.entries(OVER_HTTP)) {
      if (!selected(name)) continue;
      await run(name, () => bench(httpContext));
      peakAfter[name] = (await server.peakMemory()).totalPeakBytes;
    }
    await run("memory", () => benchMemory(httpContext, peakAfter));
    // After the memory figure: it starts the server's peak over.
    if (selected("server-import")) await run("server-import", () => benchServerImport(httpContext));
    if (values.hold) await hold(Number(values.hold), httpContext);
  }

  const load = loadSampler.stop();
  record = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: { scale, seed, quick, only },
    machine: {
      ...machine,
      loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
      load: {
        ...load,
        ...(waited ?? {}),
        noisy: load.noisy || waited?.quietReached === false,
        reason: [load.reason, waited?.quietReached === false ? "the machine never got quiet" : null].filter(Boolean).join("; ") || null,
      },
    },
    build,
    corpus: workspace.counts,
    setupSeconds,
    figures,
    notes: NOTES,
  };
} finally {
  await server?.stop();
  await disconnectDb();
  if (values.keep && !database.embedded) log(`Kept the database: ${database.url}`);
  else await database.drop().catch((error) => console.error("Dropping the benchmark database failed:", error));
}

/** Keeps the server up for profiling, bounded in time; Ctrl-C ends it early. */
async function hold(minutes: number, context: HttpContext): Promise<void> {
  const { users } = context.workspace;
  log(`Holding for ${minutes} min: ${context.server.origin} (pid ${context.server.pid}), briefing /briefings/${context.workspace.briefingSlug}`);
  log(`  editor ${users.editor.email} / ${BENCH_PASSWORD}, token ${users.editor.token}`);
  log(`  analyst ${users.analyst.email}, token ${users.analyst.token}`);
  log(`  editor cookie: ${context.editorCookie}`);
  log(`  article: /articles/${context.workspace.articles[0]!.id}`);
  holding = true;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, minutes * 60_000);
    process.once("SIGINT", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  holding = false;
}

const previous = await previousFigures(scale, quick);
const file = await writeRecord(record);
console.log(`\n${formatTable(figures, previous)}\n`);
console.log(
  `Load average at start ${record.machine.loadAverageAtStart.join(" ")}, at end ${record.machine.loadAverageAtEnd!.join(" ")} (${record.machine.cpus} cores).`,
);
const { load } = record.machine;
if (load) console.log(`1-minute load while measuring: ${load.min1.min}–${load.min1.max}${load.noisy ? ` — NOISY RUN: ${load.reason}` : ""}.`);
console.log(`Written to ${path.relative(process.cwd(), file)} and bench-results/latest.json.`);
// Misses are findings; errors (a benchmark that failed, failed imports, errors under load) fail the run.
process.exit(figures.some((f) => f.error) ? 1 : 0);
