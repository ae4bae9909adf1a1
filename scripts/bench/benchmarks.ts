// The measurements. In-process ones call lib/ as the server would; HTTP ones drive the production server (scripts/serve.mjs).
import { loadavg } from "node:os";
import { buildSelectors } from "@/lib/annotations/anchor";
import { reanchorAnnotationsForRevision, type ReanchorCounts } from "@/lib/annotations/reanchor-revision";
import { importJobProgress } from "@/lib/articles/jobs";
import { importPrepared } from "@/lib/articles/import-articles";
import { prepareImportsOffThread } from "@/lib/articles/prepare-off-thread";
import { IMPORT_CHUNK_FILES } from "@/lib/articles/schemas";
import { db } from "@/lib/db";
import { buildMatcher, normalizeName } from "@/lib/entities/match";
import { planSuggestions } from "@/lib/entities/suggestion-plan";
import { refreshArticleSuggestions } from "@/lib/entities/suggestion-refresh";
import { stopJobQueue } from "@/lib/jobs/queue";
import { extractProposalsFor, refreshProposalsFor, regroupProposalsAround } from "@/lib/proposals/refresh";
import { startJobWorkers, whenJobsDone } from "@/lib/wiring";
import { createRng, generateArticle, pickAnnotationSpans, reviseText, type Rng } from "./corpus";
import { ceilingHeaders, loadTest, percentile, rawGet, responseFingerprint, startCeilingServer, timeRepeated, type LoadResult, type RawResponse } from "./load";
import { measureCpu } from "./cpu";
import { storeAnnotatedArticle, storeGeneratedArticles, type Workspace } from "./seed";
import type { AppServer } from "./server";
import { importThroughServer } from "./server-import";

export type Target = { op: "<" | ">="; value: number };

export type Figure = {
  name: string;
  label: string;
  value: number;
  unit: string;
  target: Target | null;
  pass: boolean | null;
  /** Measurements behind a percentile. */
  samples?: number;
  /** 1-, 5- and 15-minute load averages of the machine when the figure was taken. */
  loadAverage: number[];
  detail?: Record<string, unknown>;
  error?: string;
  /** A measurement that cannot be right (e.g. faster than its ceiling): reported, never read as a result. */
  invalid?: string;
};

export function figure(input: Omit<Figure, "pass" | "loadAverage">): Figure {
  const { target, value } = input;
  const pass = target === null || input.invalid ? null : Number.isFinite(value) && (target.op === "<" ? value < target.value : value >= target.value);
  return { ...input, pass, loadAverage: loadavg().map((n) => Math.round(n * 100) / 100) };
}

export type BenchContext = {
  workspace: Workspace;
  scale: number;
  seed: number;
  quick: boolean;
  /** The benchmark database's name on a PostgreSQL server of this machine; null for the embedded one. */
  serverDatabase: string | null;
};

export type HttpContext = BenchContext & { server: AppServer; editorCookie: string; analystCookie: string };

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Rounds a latency figure's samples are split into (in the order they were taken) to show its spread. */
const LATENCY_ROUNDS = 5;

/**
 * p50, p95 and maximum over all samples, and the p95 of each round of consecutive samples: the
 * spread says how much the figure moved while it was taken.
 */
function latencyDetail(durations: number[]) {
  const rounds = Math.min(LATENCY_ROUNDS, durations.length);
  const size = Math.ceil(durations.length / rounds);
  const perRound: number[] = [];
  for (let at = 0; at < durations.length; at += size) perRound.push(round(percentile(durations.slice(at, at + size), 95)));
  return {
    p50Ms: round(percentile(durations, 50)),
    p95Ms: round(percentile(durations, 95)),
    maxMs: round(Math.max(...durations)),
    p95PerRound: perRound,
    spread: { min: Math.min(...perRound), max: Math.max(...perRound) },
  };
}

// ───────────────────────────── in process ─────────────────────────────

/**
 * The bulk import path as a background job runs it: files parsed on the worker thread, stored in
 * chunks of IMPORT_CHUNK_FILES with the job's progress in the same transaction, while this
 * process's job workers run the mention suggestions and proposals those writes queue, as a
 * server's do; the import ends when they are done. The articles report the corpus's recent
 * happenings, where its articles have their proposals.
 */
export async function benchImport(ctx: BenchContext): Promise<Figure[]> {
  const count = Math.min(1000, ctx.scale);
  const rng = createRng(ctx.seed + 1);
  const { entities } = ctx.workspace.corpus;
  const events = ctx.workspace.recentEvents;
  const files = Array.from({ length: count }, (_, i) => {
    const article = generateArticle(rng, 1_000_000 + i, entities, events);
    return { bytes: new TextEncoder().encode(article.text), filename: article.filename };
  });
  const actor = ctx.workspace.users.editor;
  const job = await db.importJob.create({ data: { total: count, createdById: actor.id }, select: { id: true } });
  const times = { parseMs: 0, storeMs: 0, followUpMs: 0 };
  const imported: string[] = [];
  let failed = 0;
  // The worker threads started before the clock: through tsx each start compiles the thread's modules
  // (some 2.7 s of CPU), which a built server's threads do not.
  await prepareImportsOffThread(files.slice(0, 2), { background: true });
  const cpu = measureCpu(ctx.serverDatabase);
  const started = performance.now();
  await startJobWorkers();
  for (let at = 0; at < count; at += IMPORT_CHUNK_FILES) {
    const chunk = files.slice(at, at + IMPORT_CHUNK_FILES);
    let t = performance.now();
    // As the import job parses (lib/articles/jobs.ts): a background task, which does not stop the follow-up jobs' work on the thread.
    const prepared = await prepareImportsOffThread(chunk, { background: true });
    times.parseMs += performance.now() - t;
    t = performance.now();
    const outcomes = await importPrepared(actor, prepared, { progress: importJobProgress(job.id), positions: chunk.map((_, i) => at + i) });
    times.storeMs += performance.now() - t;
    for (const outcome of outcomes) {
      if (outcome.status === "imported" && outcome.articleId) imported.push(outcome.articleId);
      else failed += 1;
    }
  }
  const t = performance.now();
  await whenJobsDone();
  // The server started next must find no work left over from here.
  await stopJobQueue();
  times.followUpMs = performance.now() - t;
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = await cpu.stop();
  const suggestions = await db.mentionSuggestion.count({ where: { articleId: { in: imported } } });
  const proposalMentions = await db.eventProposalMention.count({ where: { articleId: { in: imported } } });
  const perSecond = (ms: number) => round(count / (ms / 1000), 0);
  return [
    figure({
      name: "import",
      label: `Import ${count} articles (parse, store, suggestions, proposals)`,
      value: round(count / seconds),
      unit: "articles/s",
      target: { op: ">=", value: 100 },
      samples: count,
      detail: {
        seconds: round(seconds, 2),
        imported: imported.length,
        failed,
        suggestions,
        proposalMentions,
        parseMs: round(times.parseMs, 0),
        storeMs: round(times.storeMs, 0),
        // Parse and store share the cores with the follow-up jobs; what is left of those when the last file is stored.
        followUpAfterStoreMs: round(times.followUpMs, 0),
        parsePerSecond: perSecond(times.parseMs),
        storePerSecond: perSecond(times.storeMs),
      },
      ...(failed > 0 ? { error: `${failed} of ${count} files did not import.` } : {}),
    }),
    figure({
      name: "import-store",
      label: "  of which parse and store (beside the jobs)",
      value: round(count / ((times.parseMs + times.storeMs) / 1000)),
      unit: "articles/s",
      target: null,
      samples: count,
    }),
    figure({
      name: "import-cpu",
      label: `  CPU per article (this process${cpuUsed.databaseMs !== null ? " and PostgreSQL" : ctx.serverDatabase ? "; PostgreSQL not counted" : " with its embedded database"})`,
      value: round((cpuUsed.processMs + (cpuUsed.databaseMs ?? 0)) / count),
      unit: "ms",
      target: null,
      samples: count,
      // Two cores give 20 ms of CPU an article at 100 articles/s; the rate moves with the machine's load, this much less.
      detail: {
        processMsPerArticle: round(cpuUsed.processMs / count),
        databaseMsPerArticle: cpuUsed.databaseMs === null ? null : round(cpuUsed.databaseMs / count),
      },
    }),
  ];
}

/** Mention suggestions for a fresh 10 KB article, as the importer triggers them (registry loaded, text matched, rows written). */
export async function benchSuggestions(ctx: BenchContext): Promise<Figure[]> {
  const runs = ctx.quick ? 3 : 10;
  const rng = createRng(ctx.seed + 2);
  const generated = Array.from({ length: runs + 1 }, (_, i) =>
    generateArticle(rng, 2_000_000 + i, ctx.workspace.corpus.entities, ctx.workspace.corpus.events, { targetBytes: 10_000 }),
  );
  const articles = await storeGeneratedArticles(generated, ctx.workspace.users.editor.id);
  const durations = await timeRepeated(runs, (i) => refreshArticleSuggestions(articles[i % articles.length]!.id), { warmup: 1, budgetMs: 120_000 });
  const written = await db.mentionSuggestion.count({ where: { articleId: articles[0]!.id } });
  return [
    figure({
      name: "suggestions",
      label: "Mention suggestions for a 10 KB article",
      value: round(percentile(durations, 95)),
      unit: "ms (p95)",
      target: { op: "<", value: 100 },
      samples: durations.length,
      detail: {
        ...latencyDetail(durations),
        textChars: articles[0]!.text.length,
        suggestionsPerArticle: written,
        breakdown: await suggestionBreakdown(articles[0]!.text),
      },
    }),
  ];
}

/**
 * Proposals for a fresh 10 KB article about a recent happening, as the import job makes them: the
 * text read on the worker thread, its extraction stored, the proposals of the mentions connected
 * to its own regrouped and written: the time one new revision waits for its proposals. Then the time an import adds per
 * article: slices of 20 fresh 10 KB articles read and regrouped as the import's job does it.
 */
export async function benchProposals(ctx: BenchContext): Promise<Figure[]> {
  const runs = ctx.quick ? 3 : 10;
  const rng = createRng(ctx.seed + 4);
  const generated = Array.from({ length: runs + 1 }, (_, i) =>
    generateArticle(rng, 4_000_000 + i, ctx.workspace.corpus.entities, ctx.workspace.recentEvents, { targetBytes: 10_000 }),
  );
  const articles = await storeGeneratedArticles(generated, ctx.workspace.users.editor.id);
  const durations = await timeRepeated(runs, (i) => refreshProposalsFor([articles[i % articles.length]!.id]), { warmup: 1, budgetMs: 120_000 });
  const extraction = await db.articleExtraction.findUnique({ where: { articleId: articles[0]!.id }, select: { data: true } });
  const block = await db.articleExtraction.count();
  const slices = ctx.quick ? 3 : 5;
  const sliced = await storeGeneratedArticles(
    Array.from({ length: slices * PROPOSAL_SLICE }, (_, i) =>
      generateArticle(rng, 4_100_000 + i, ctx.workspace.corpus.entities, ctx.workspace.recentEvents, { targetBytes: 10_000 }),
    ),
    ctx.workspace.users.editor.id,
  );
  const perArticle: number[] = [];
  const split = { extractMs: [] as number[], regroupMs: [] as number[] };
  for (let at = 0; at < sliced.length; at += PROPOSAL_SLICE) {
    const ids = sliced.slice(at, at + PROPOSAL_SLICE).map((a) => a.id);
    const started = performance.now();
    await extractProposalsFor(ids);
    const extracted = performance.now();
    await regroupProposalsAround(ids);
    perArticle.push(round((performance.now() - started) / ids.length));
    split.extractMs.push(round((extracted - started) / ids.length));
    split.regroupMs.push(round((performance.now() - extracted) / ids.length));
  }
  return [
    figure({
      name: "proposals",
      label: "Event and claim proposals for a 10 KB article",
      value: round(percentile(durations, 95)),
      unit: "ms (p95)",
      target: { op: "<", value: 250 },
      samples: durations.length,
      detail: {
        ...latencyDetail(durations),
        textChars: articles[0]!.text.length,
        mentionsPerArticle: extraction ? ((JSON.parse(extraction.data) as { mentions?: unknown[] }).mentions?.length ?? 0) : 0,
        extractionsStored: block,
        openEventProposals: await db.eventProposal.count({ where: { status: "OPEN" } }),
      },
    }),
    figure({
      name: "proposals-per-article",
      label: `  per article of an imported slice of ${PROPOSAL_SLICE}`,
      value: Math.max(...perArticle),
      unit: "ms (worst slice)",
      target: { op: "<", value: 50 },
      samples: perArticle.length,
      // Per article: reading the text (worker thread) and storing its extraction; regrouping and writing the proposals.
      detail: { perSliceMs: perArticle, ...split, spread: { min: Math.min(...perArticle), max: Math.max(...perArticle) } },
    }),
  ];
}

/** Articles the proposals job reads between two looks at the queue (lib/proposals/jobs.ts). */
const PROPOSAL_SLICE = 20;

/** Where the time of one refresh goes: reading the registry, building the matcher, matching the text. */
async function suggestionBreakdown(text: string) {
  let t = performance.now();
  const entities = await db.entity.findMany({
    where: { deletedAt: null, mergedIntoId: null },
    select: { id: true, name: true, aliases: { select: { alias: true } } },
  });
  const loadRegistryMs = performance.now() - t;
  t = performance.now();
  const entries = entities.map((e) => ({ entityId: e.id, names: [e.name, ...e.aliases.map((a) => a.alias)] }));
  const context = { matcher: buildMatcher(entries), known: new Set(entries.flatMap((e) => e.names.map(normalizeName))) };
  const buildMatcherMs = performance.now() - t;
  t = performance.now();
  const planned = planSuggestions(text, context);
  const matchTextMs = performance.now() - t;
  return {
    entities: entities.length,
    loadRegistryMs: round(loadRegistryMs),
    buildMatcherMs: round(buildMatcherMs),
    matchTextMs: round(matchTextMs),
    planned: planned.length,
  };
}

class Rollback extends Error {
  constructor(
    readonly ms: number,
    readonly counts: ReanchorCounts,
  ) {
    super("rollback");
  }
}

/**
 * Re-anchoring 1,000 annotations of a 10 KB article onto a corrected revision, inside a
 * transaction as the importer runs it. The transaction is rolled back so every run starts alike.
 */
export async function benchReanchor(ctx: BenchContext): Promise<Figure[]> {
  const rng = createRng(ctx.seed + 3);
  const article = await storeAnnotatedArticle({ rng, index: 3_000_000, bytes: 10_000, count: 1000, workspace: ctx.workspace });
  const revised = reviseText(rng, article.text);
  const runs = ctx.quick ? 2 : 5;
  const durations: number[] = [];
  let counts: ReanchorCounts | null = null;
  for (let i = 0; i <= runs; i++) {
    try {
      await db.$transaction(
        async (tx) => {
          const original = await tx.articleRevision.findUniqueOrThrow({ where: { id: article.revisionId } });
          const revision = await tx.articleRevision.create({
            data: {
              articleId: article.id,
              number: 2,
              originalBytes: original.originalBytes,
              originalFormat: original.originalFormat,
              encoding: original.encoding,
              contentHash: original.contentHash,
              text: revised,
              removed: [],
              metadata: {},
              note: "Bench: corrected text.",
            },
            select: { id: true },
          });
          await tx.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
          const started = performance.now();
          const result = await reanchorAnnotationsForRevision(tx, article.id, { id: revision.id, text: revised });
          throw new Rollback(performance.now() - started, result);
        },
        { timeout: 120_000, maxWait: 30_000 },
      );
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      // The first run warms the code paths up and is not counted.
      if (i > 0) durations.push(error.ms);
      counts = error.counts;
    }
  }
  return [
    figure({
      name: "reanchor",
      label: "Re-anchor 1,000 annotations onto a new revision",
      value: round(percentile(durations, 95)),
      unit: "ms (p95)",
      target: { op: "<", value: 1000 },
      samples: durations.length,
      detail: { ...latencyDetail(durations), textChars: article.text.length, counts },
    }),
  ];
}

// ───────────────────────────── over HTTP ─────────────────────────────

async function timedRequest(url: string, init: RequestInit, expected: number): Promise<number> {
  const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = await response.arrayBuffer();
  if (response.status !== expected) {
    throw new Error(
      `${init.method ?? "GET"} ${new URL(url).pathname} answered ${response.status}, expected ${expected}: ${Buffer.from(body).toString("utf8").slice(0, 200)}`,
    );
  }
  return body.byteLength;
}

/** Sequential requests (one client, keep-alive): the latency one user sees, after a few warm-up requests. */
async function latencyFigure(input: { name: string; label: string; target: number; count: number }, request: (i: number) => Promise<number>): Promise<Figure> {
  let bytes = 0;
  const durations = await timeRepeated(
    input.count,
    async (i) => {
      bytes += await request(i);
    },
    { warmup: 3, budgetMs: 120_000 },
  );
  return figure({
    name: input.name,
    label: input.label,
    value: round(percentile(durations, 95)),
    unit: "ms (p95)",
    target: { op: "<", value: input.target },
    samples: durations.length,
    detail: { ...latencyDetail(durations), averageBytes: Math.round(bytes / (durations.length + 3)) },
  });
}

/** Rounds of the briefing page, Next.js alone and the ceiling, taken in turn so that noise on the machine hits all three alike. */
function briefingRounds(quick: boolean) {
  return quick ? { rounds: 2, seconds: 1 } : { rounds: 6, seconds: 3 };
}

/**
 * The page as the server's copy answers it (what the load test measures), not as Next.js does
 * while the copy is being refreshed: the two differ in headers. Asked again until a copy answers.
 */
async function pageCopy(url: string): Promise<RawResponse> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await rawGet(url);
    if (response.status !== 200) throw new Error(`The briefing page answered ${response.status}.`);
    if (response.headers.some((h, i) => i % 2 === 0 && h.toLowerCase() === "x-concord-page-copy")) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The briefing page never came from the server's page copy.");
}

/** Names of the headers whose values differ between two answers (Date aside). */
function headerDifferences(a: RawResponse, b: RawResponse): string[] {
  const values = (r: RawResponse) =>
    new Map(r.headers.flatMap((h, i) => (i % 2 === 0 && h.toLowerCase() !== "date" ? [[h.toLowerCase(), r.headers[i + 1]!] as const] : [])));
  const [first, second] = [values(a), values(b)];
  return [...new Set([...first.keys(), ...second.keys()])].filter((name) => first.get(name) !== second.get(name));
}

/** A ratio of the briefing page to the ceiling above this is a measurement error: the page cannot outrun the same bytes from a bare server. */
const RATIO_ERROR = 1.05;

const median = (values: number[]) => percentile(values, 50);

/**
 * The public briefing page under 32 connections, against the same bytes from a bare Node.js
 * server (the ceiling). Both answer the load tool with byte-identical responses (checked by
 * hashing what each returns to a request as the load tool sends it); the two are measured in
 * alternating short rounds (ABBA order), and the ratio is the median of the rounds' ratios.
 */
export async function benchBriefing(ctx: HttpContext): Promise<Figure[]> {
  const url = `${ctx.server.origin}/briefings/${ctx.workspace.briefingSlug}`;
  const { rounds, seconds } = briefingRounds(ctx.quick);
  // The first visit renders the page into the cache; later ones are served from its copy.
  for (let i = 0; i < 3; i++) await timedRequest(url, {}, 200);
  const sample = await pageCopy(url);
  const ceilingServer = await startCeilingServer(sample.body, ceilingHeaders(sample));
  const app: LoadResult[] = [];
  const nextOnly: LoadResult[] = [];
  const ceiling: LoadResult[] = [];
  let identical: Record<string, unknown>;
  try {
    const ceilingAnswer = await rawGet(ceilingServer.url);
    const [appPrint, ceilingPrint] = [responseFingerprint(sample), responseFingerprint(ceilingAnswer)];
    // A later copy may carry other values of Next.js's cache headers (each refresh is a new answer from Next.js); recorded, not compared.
    const later = await pageCopy(url);
    identical = {
      same: JSON.stringify(appPrint) === JSON.stringify(ceilingPrint),
      app: appPrint,
      ceiling: ceilingPrint,
      laterCopyDiffers: headerDifferences(sample, later),
    };
    if (!identical.same) throw new Error(`The ceiling's answer differs from the briefing page's: ${JSON.stringify(identical)}`);
    // Both warmed up alike before the measured rounds.
    await loadTest(url, { connections: 32, seconds: 1 });
    await loadTest(ceilingServer.url, { connections: 32, seconds: 1 });
    for (let round = 0; round < rounds; round++) {
      const pageFirst = round % 4 === 0 || round % 4 === 3;
      if (pageFirst) app.push(await loadTest(url, { connections: 32, seconds }));
      ceiling.push(await loadTest(ceilingServer.url, { connections: 32, seconds }));
      if (!pageFirst) app.push(await loadTest(url, { connections: 32, seconds }));
      // A query string passes by the server's copies of public pages: Next.js answers from its own cache.
      nextOnly.push(await loadTest(`${url}?next-only`, { connections: 32, seconds }));
    }
  } finally {
    await ceilingServer.close();
  }
  const failures = app.reduce((sum, r) => sum + r.errors + r.non2xx, 0) + ceiling.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
  const error = failures > 0 ? `${failures} errors or non-2xx answers under load.` : undefined;
  const ratios = app.map((r, i) => r.requestsPerSecond / ceiling[i]!.requestsPerSecond);
  const ratio = round(median(ratios), 2);
  const invalid =
    ratio > RATIO_ERROR
      ? `Measurement error: the page measured ${ratio}× the ceiling, which serves the same bytes with less work; the rounds did not see the same machine.`
      : undefined;
  const p99s = app.map((r) => r.p99Ms);
  const common = { samples: Math.round(app.reduce((sum, r) => sum + r.requestsPerSecond * seconds, 0)), ...(error ? { error } : {}) };
  return [
    throughputFigure("briefing-rps", "Public briefing page, 32 connections", app, seconds, { ...common, detail: { bytes: sample.body.byteLength, identical } }),
    throughputFigure("briefing-next-rps", "… the same page from Next.js alone (no page copies)", nextOnly, seconds),
    throughputFigure("ceiling-rps", "Same bytes from a bare Node.js server (ceiling)", ceiling, seconds),
    figure({
      name: "briefing-ratio",
      label: "Briefing page throughput / ceiling (median of rounds)",
      value: ratio,
      unit: "ratio",
      target: { op: ">=", value: 0.5 },
      samples: ratios.length,
      detail: {
        ratios: ratios.map((r) => round(r, 2)),
        spread: { min: round(Math.min(...ratios), 2), max: round(Math.max(...ratios), 2) },
        order: "ABBA rounds",
      },
      ...(error ? { error } : {}),
      ...(invalid ? { invalid } : {}),
    }),
    figure({
      name: "briefing-p99",
      label: "Public briefing page p99 under load (median of rounds)",
      value: round(median(p99s)),
      unit: "ms (p99)",
      target: { op: "<", value: 50 },
      ...common,
      detail: { perRound: p99s, spread: { min: Math.min(...p99s), max: Math.max(...p99s) } },
    }),
  ];
}

/** Requests per second under load over rounds: the median, with each round's value (no target of its own). */
function throughputFigure(name: string, label: string, results: LoadResult[], seconds: number, extra: Partial<Figure> = {}): Figure {
  const perRound = results.map((r) => round(r.requestsPerSecond, 0));
  return figure({
    name,
    label,
    value: median(perRound),
    unit: "req/s",
    target: null,
    samples: Math.round(results.reduce((sum, r) => sum + r.requestsPerSecond * seconds, 0)),
    ...extra,
    detail: {
      rounds: results.length,
      secondsPerRound: seconds,
      perRound,
      spread: { min: Math.min(...perRound), max: Math.max(...perRound) },
      p50Ms: median(results.map((r) => r.p50Ms)),
      p99Ms: median(results.map((r) => r.p99Ms)),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
      non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
      ...extra.detail,
    },
  });
}

function sampler(ctx: BenchContext, salt: number): Rng {
  return createRng(ctx.seed + 100 + salt);
}

export async function benchArticlePage(ctx: HttpContext): Promise<Figure[]> {
  const rng = sampler(ctx, 1);
  const { articles } = ctx.workspace;
  return [
    await latencyFigure({ name: "article-page", label: "Article page server render (signed in)", target: 150, count: ctx.quick ? 10 : 100 }, () => {
      const article = articles[Math.floor(rng() * articles.length)]!;
      return timedRequest(`${ctx.server.origin}/articles/${article.id}`, { headers: { cookie: ctx.editorCookie } }, 200);
    }),
  ];
}

export async function benchAnnotationCreate(ctx: HttpContext): Promise<Figure[]> {
  const rng = sampler(ctx, 2);
  const { articles, users } = ctx.workspace;
  return [
    await latencyFigure({ name: "annotation-create", label: "Create an annotation (POST /api/annotations)", target: 50, count: ctx.quick ? 20 : 200 }, () => {
      const article = articles[Math.floor(rng() * articles.length)]!;
      const [span] = pickAnnotationSpans(rng, article.text, 1);
      const { quote, position } = buildSelectors(article.text, span!.start, span!.end);
      const body = {
        type: "Annotation",
        target: { source: `${ctx.server.origin}/articles/${article.id}`, selector: [quote, position] },
        body: { kind: "note", comment: "Benchmark note: compare with the agency copy.", tags: ["bench"] },
      };
      return timedRequest(
        `${ctx.server.origin}/api/annotations`,
        { method: "POST", headers: { authorization: `Bearer ${users.editor.token}`, "content-type": "application/json" }, body: JSON.stringify(body) },
        201,
      );
    }),
  ];
}

/** Queries as editors type them: mostly names, then topics, phrases, an exclusion, and one word most articles contain. */
function searchQueries(ctx: BenchContext): string[] {
  const rng = sampler(ctx, 3);
  const people = ctx.workspace.corpus.entities.filter((e) => e.type === "PERSON");
  const names = Array.from({ length: 20 }, () => people[Math.floor(rng() * people.length)]!.name.split(" ").pop()!);
  const topics = [
    "ceasefire",
    "grain shipments",
    '"energy supplies"',
    "sanctions -tariffs",
    "nuclear plant",
    "pipeline route",
    "journalists detained",
    "talks",
  ];
  return [...names, ...topics].sort(() => rng() - 0.5);
}

export async function benchSearch(ctx: HttpContext): Promise<Figure[]> {
  const queries = searchQueries(ctx);
  const token = ctx.workspace.users.analyst.token;
  const slowest = new Map<string, number>();
  const result = await latencyFigure(
    { name: "search", label: "Full-text search (GET /api/articles?q=)", target: 100, count: ctx.quick ? 10 : 100 },
    async (i) => {
      const q = queries[i % queries.length]!;
      const started = performance.now();
      const bytes = await timedRequest(`${ctx.server.origin}/api/articles?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } }, 200);
      slowest.set(q, Math.max(slowest.get(q) ?? 0, performance.now() - started));
      return bytes;
    },
  );
  const worst = [...slowest.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([q, ms]) => ({ q, ms: round(ms) }));
  return [{ ...result, detail: { ...result.detail, queries: queries.length, slowestQueries: worst } }];
}

export async function benchReviewQueue(ctx: HttpContext): Promise<Figure[]> {
  return [
    await latencyFigure({ name: "review-queue", label: "Review queue page (signed in as analyst)", target: 200, count: ctx.quick ? 5 : 30 }, () =>
      timedRequest(`${ctx.server.origin}/review`, { headers: { cookie: ctx.analystCookie } }, 200),
    ),
  ];
}

/** A name with one letter replaced inside it, as editors mistype ("Lavrow" for "Lavrov"). */
function misspell(rng: Rng, name: string): string {
  const at = 1 + Math.floor(rng() * Math.max(1, name.length - 2));
  const letters = "aeioukvwrstnlm";
  let letter = letters[Math.floor(rng() * letters.length)]!;
  if (letter === name[at]!.toLowerCase()) letter = letter === "a" ? "e" : "a";
  return name.slice(0, at) + letter + name.slice(at + 1);
}

/** Prefix and alias search as editors type, and misspelled surnames (trigram similarity) as a figure of their own. */
export async function benchEntitySearch(ctx: HttpContext): Promise<Figure[]> {
  const rng = sampler(ctx, 4);
  const { entities } = ctx.workspace;
  const token = ctx.workspace.users.editor.token;
  const search = (q: string) =>
    timedRequest(`${ctx.server.origin}/api/entities?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } }, 200);
  const people = entities.filter((e) => e.aliases.length > 1);
  let found = 0;
  const fuzzy = await latencyFigure(
    { name: "entity-fuzzy", label: "Entity search, misspelled surname (trigram similarity)", target: 30, count: ctx.quick ? 10 : 100 },
    async () => {
      const entity = people[Math.floor(rng() * people.length)]!;
      const surname = entity.name.split(" ").pop()!;
      const response = await fetch(`${ctx.server.origin}/api/entities?q=${encodeURIComponent(misspell(rng, surname))}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { entities: { id: string }[] };
      if (body.entities.some((hit) => hit.id === entity.id)) found += 1;
      return JSON.stringify(body).length;
    },
  );
  return [
    await latencyFigure({ name: "entity-search", label: "Entity alias search (GET /api/entities?q=)", target: 30, count: ctx.quick ? 20 : 200 }, () => {
      const entity = entities[Math.floor(rng() * entities.length)]!;
      const names = [entity.name, ...entity.aliases];
      const name = names[Math.floor(rng() * names.length)]!;
      return search(name.slice(0, 3 + Math.floor(rng() * 4)));
    }),
    { ...fuzzy, detail: { ...fuzzy.detail, foundIntended: `${found} of ${(fuzzy.samples ?? 0) + 3}` } },
  ];
}

/** Peak resident memory of the server over everything it served in this run. */
export async function benchMemory(ctx: HttpContext, peakAfter: Record<string, number> = {}): Promise<Figure[]> {
  const memory = await ctx.server.peakMemory();
  const mb = (bytes: number) => round(bytes / 1024 / 1024);
  const after = Object.fromEntries(Object.entries(peakAfter).map(([name, bytes]) => [name, mb(bytes)]));
  return [
    figure({
      name: "memory",
      label: "Server peak RSS (VmHWM, process and children)",
      value: mb(memory.totalPeakBytes),
      unit: "MB",
      target: { op: "<", value: 600 },
      detail: {
        processes: memory.processes.map((p) => ({ pid: p.pid, name: p.name, peakMb: mb(p.peakBytes), currentMb: mb(p.currentBytes) })),
        peakMbAfter: after,
      },
    }),
  ];
}

/**
 * Peak resident memory of the server while it imports files in the background, as an editor's
 * upload of a folder: the files posted to /api/import-jobs, then parsed, stored, and given their
 * suggestions and proposals by the server's own job workers and worker threads. The peak starts
 * over at the first request, so it is the import's, on a server that has served the rest.
 */
export async function benchServerImport(ctx: HttpContext): Promise<Figure[]> {
  const count = Math.min(1000, ctx.scale);
  const rng = createRng(ctx.seed + 2);
  const { entities } = ctx.workspace.corpus;
  const files = Array.from({ length: count }, (_, i) => {
    const article = generateArticle(rng, 2_000_000 + i, entities, ctx.workspace.recentEvents, { targetBytes: 10_000 });
    return { bytes: new TextEncoder().encode(article.text), filename: article.filename };
  });
  const before = await ctx.server.peakMemory();
  await ctx.server.resetPeakMemory();
  const result = await importThroughServer({ origin: ctx.server.origin, pid: ctx.server.pid, token: ctx.workspace.users.editor.token, files }).finally(
    stopJobQueue,
  );
  const mb = (bytes: number) => round(bytes / 1024 / 1024);
  return [
    figure({
      name: "server-import-memory",
      label: `Server peak RSS during an import of ${count} files through the server`,
      value: mb(result.peakBytes),
      unit: "MB",
      target: { op: "<", value: 600 },
      samples: count,
      detail: {
        megabytes: round(result.megabytes, 1),
        rssBeforeMb: mb(before.processes.reduce((sum, p) => sum + p.currentBytes, 0)),
        sampledPeak: {
          rssMb: mb(result.sampledPeak.rssBytes),
          anonymousMb: mb(result.sampledPeak.anonBytes),
          fileMb: mb(result.sampledPeak.fileBytes),
          atSeconds: round(result.sampledPeak.atSeconds, 1),
        },
        storedSeconds: round(result.storedSeconds, 1),
        doneSeconds: round(result.doneSeconds, 1),
        serverCpuSeconds: round(result.cpuSeconds, 1),
        serverCpuMsPerFile: round((result.cpuSeconds * 1000) / count),
        timeline: result.timeline,
      },
    }),
  ];
}
