// The measurements. In-process ones call lib/ as the server would; HTTP ones drive the production server (scripts/serve.mjs).
import { loadavg } from "node:os";
import { buildSelectors } from "@/lib/annotations/anchor";
import { reanchorAnnotationsForRevision, type ReanchorCounts } from "@/lib/annotations/reanchor-revision";
import { importJobProgress } from "@/lib/articles/jobs";
import { importPrepared } from "@/lib/articles/mutations";
import { prepareImportsOffThread } from "@/lib/articles/prepare-off-thread";
import { IMPORT_CHUNK_FILES } from "@/lib/articles/schemas";
import { db } from "@/lib/db";
import { buildMatcher, normalizeName } from "@/lib/entities/match";
import { planSuggestions } from "@/lib/entities/suggestion-plan";
import { refreshArticleSuggestions } from "@/lib/entities/suggestions";
import { stopJobQueue } from "@/lib/jobs/queue";
import { startJobWorkers, whenJobsDone } from "@/lib/wiring";
import { createRng, generateArticle, pickAnnotationSpans, reviseText, type Rng } from "./corpus";
import { loadTest, percentile, startCeilingServer, timeRepeated } from "./load";
import { storeAnnotatedArticle, storeGeneratedArticles, type Workspace } from "./seed";
import type { AppServer } from "./server";

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
};

export function figure(input: Omit<Figure, "pass" | "loadAverage">): Figure {
  const { target, value } = input;
  const pass = target === null ? null : Number.isFinite(value) && (target.op === "<" ? value < target.value : value >= target.value);
  return { ...input, pass, loadAverage: loadavg().map((n) => Math.round(n * 100) / 100) };
}

export type BenchContext = {
  workspace: Workspace;
  scale: number;
  seed: number;
  quick: boolean;
};

export type HttpContext = BenchContext & { server: AppServer; editorCookie: string; analystCookie: string };

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function latencyDetail(durations: number[]) {
  return { p50Ms: round(percentile(durations, 50)), p95Ms: round(percentile(durations, 95)), maxMs: round(Math.max(...durations)) };
}

// ───────────────────────────── in process ─────────────────────────────

/**
 * The bulk import path as a background job runs it: files parsed on the worker thread, stored in
 * chunks of IMPORT_CHUNK_FILES with the job's progress in the same transaction, then the mention
 * suggestions those writes queued, run by this process's job workers.
 */
export async function benchImport(ctx: BenchContext): Promise<Figure[]> {
  const count = Math.min(1000, ctx.scale);
  const rng = createRng(ctx.seed + 1);
  const { entities, events } = ctx.workspace.corpus;
  const files = Array.from({ length: count }, (_, i) => {
    const article = generateArticle(rng, 1_000_000 + i, entities, events);
    return { bytes: new TextEncoder().encode(article.text), filename: article.filename };
  });
  const actor = ctx.workspace.users.editor;
  const job = await db.importJob.create({ data: { total: count, createdById: actor.id }, select: { id: true } });
  const times = { parseMs: 0, storeMs: 0, suggestionsMs: 0 };
  const imported: string[] = [];
  let failed = 0;
  const started = performance.now();
  for (let at = 0; at < count; at += IMPORT_CHUNK_FILES) {
    const chunk = files.slice(at, at + IMPORT_CHUNK_FILES);
    let t = performance.now();
    const prepared = await prepareImportsOffThread(chunk);
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
  await startJobWorkers();
  await whenJobsDone();
  // The server started next must find no work left over from here.
  await stopJobQueue();
  times.suggestionsMs = performance.now() - t;
  const seconds = (performance.now() - started) / 1000;
  const suggestions = await db.mentionSuggestion.count({ where: { articleId: { in: imported } } });
  const perSecond = (ms: number) => round(count / (ms / 1000), 0);
  return [
    figure({
      name: "import",
      label: `Import ${count} articles (parse, store, suggestions)`,
      value: round(count / seconds),
      unit: "articles/s",
      target: { op: ">=", value: 100 },
      samples: count,
      detail: {
        seconds: round(seconds, 2),
        imported: imported.length,
        failed,
        suggestions,
        parseMs: round(times.parseMs, 0),
        storeMs: round(times.storeMs, 0),
        suggestionsMs: round(times.suggestionsMs, 0),
        parsePerSecond: perSecond(times.parseMs),
        storePerSecond: perSecond(times.storeMs),
        suggestionsPerSecond: perSecond(times.suggestionsMs),
      },
      ...(failed > 0 ? { error: `${failed} of ${count} files did not import.` } : {}),
    }),
    figure({
      name: "import-store",
      label: "  of which parse and store only",
      value: round(count / ((times.parseMs + times.storeMs) / 1000)),
      unit: "articles/s",
      target: null,
      samples: count,
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

/** Where the time of one refresh goes: reading the registry, building the matcher, matching the text. */
async function suggestionBreakdown(text: string) {
  let t = performance.now();
  const entities = await db.entity.findMany({ where: { deletedAt: null, mergedIntoId: null }, select: { id: true, name: true, aliases: { select: { alias: true } } } });
  const loadRegistryMs = performance.now() - t;
  t = performance.now();
  const entries = entities.map((e) => ({ entityId: e.id, names: [e.name, ...e.aliases.map((a) => a.alias)] }));
  const context = { matcher: buildMatcher(entries), known: new Set(entries.flatMap((e) => e.names.map(normalizeName))) };
  const buildMatcherMs = performance.now() - t;
  t = performance.now();
  const planned = planSuggestions(text, context);
  const matchTextMs = performance.now() - t;
  return { entities: entities.length, loadRegistryMs: round(loadRegistryMs), buildMatcherMs: round(buildMatcherMs), matchTextMs: round(matchTextMs), planned: planned.length };
}

class Rollback extends Error {
  constructor(readonly ms: number, readonly counts: ReanchorCounts) {
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
    throw new Error(`${init.method ?? "GET"} ${new URL(url).pathname} answered ${response.status}, expected ${expected}: ${Buffer.from(body).toString("utf8").slice(0, 200)}`);
  }
  return body.byteLength;
}

/** Sequential requests (one client, keep-alive): the latency one user sees, after a few warm-up requests. */
async function latencyFigure(
  input: { name: string; label: string; target: number; count: number },
  request: (i: number) => Promise<number>,
): Promise<Figure> {
  let bytes = 0;
  const durations = await timeRepeated(input.count, async (i) => void (bytes += await request(i)), { warmup: 3, budgetMs: 120_000 });
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

const HOP_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

/** The public briefing page under 32 connections, against the same bytes from a bare Node.js server. */
export async function benchBriefing(ctx: HttpContext): Promise<Figure[]> {
  const url = `${ctx.server.origin}/briefings/${ctx.workspace.briefingSlug}`;
  const seconds = ctx.quick ? 2 : 10;
  // The first visit renders the page into the cache; later ones are served from it.
  for (let i = 0; i < 3; i++) await timedRequest(url, {}, 200);
  const sample = await fetch(url);
  const body = Buffer.from(await sample.arrayBuffer());
  const headers: Record<string, string> = {};
  sample.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) headers[name] = value;
  });
  const app = await loadTest(url, { connections: 32, seconds });
  // A query string passes by the server's copies of public pages: Next.js answers from its own cache.
  const nextOnly = await loadTest(`${url}?next-only`, { connections: 32, seconds });
  const ceilingServer = await startCeilingServer(body, headers);
  let ceiling;
  try {
    ceiling = await loadTest(ceilingServer.url, { connections: 32, seconds });
  } finally {
    await ceilingServer.close();
  }
  const failures = app.errors + app.non2xx;
  const error = failures > 0 ? `${app.errors} errors and ${app.non2xx} non-2xx answers under load.` : undefined;
  const common = { samples: Math.round(app.requestsPerSecond * seconds), ...(error ? { error } : {}) };
  return [
    figure({
      name: "briefing-rps",
      label: "Public briefing page, 32 connections",
      value: round(app.requestsPerSecond, 0),
      unit: "req/s",
      target: null,
      ...common,
      detail: { seconds, bytes: body.byteLength, cache: headers["x-nextjs-cache"] ?? null, p50Ms: app.p50Ms, p99Ms: app.p99Ms, errors: app.errors, non2xx: app.non2xx },
    }),
    throughputFigure("briefing-next-rps", "… the same page from Next.js alone (no page copies)", nextOnly, seconds),
    throughputFigure("ceiling-rps", "Same bytes from a bare Node.js server (ceiling)", ceiling, seconds),
    figure({
      name: "briefing-ratio",
      label: "Briefing page throughput / ceiling",
      value: round(app.requestsPerSecond / ceiling.requestsPerSecond, 2),
      unit: "ratio",
      target: { op: ">=", value: 0.5 },
      ...(error ? { error } : {}),
    }),
    figure({
      name: "briefing-p99",
      label: "Public briefing page p99 under load",
      value: app.p99Ms,
      unit: "ms (p99)",
      target: { op: "<", value: 50 },
      ...common,
    }),
  ];
}

/** Requests per second under load, for comparison only (no target of its own). */
function throughputFigure(name: string, label: string, result: Awaited<ReturnType<typeof loadTest>>, seconds: number): Figure {
  return figure({
    name,
    label,
    value: round(result.requestsPerSecond, 0),
    unit: "req/s",
    target: null,
    samples: Math.round(result.requestsPerSecond * seconds),
    detail: { seconds, p50Ms: result.p50Ms, p99Ms: result.p99Ms, errors: result.errors, non2xx: result.non2xx },
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
  const topics = ["ceasefire", "grain shipments", '"energy supplies"', "sanctions -tariffs", "nuclear plant", "pipeline route", "journalists detained", "talks"];
  return [...names, ...topics].sort(() => rng() - 0.5);
}

export async function benchSearch(ctx: HttpContext): Promise<Figure[]> {
  const queries = searchQueries(ctx);
  const token = ctx.workspace.users.analyst.token;
  const slowest = new Map<string, number>();
  const result = await latencyFigure({ name: "search", label: "Full-text search (GET /api/articles?q=)", target: 100, count: ctx.quick ? 10 : 100 }, async (i) => {
    const q = queries[i % queries.length]!;
    const started = performance.now();
    const bytes = await timedRequest(`${ctx.server.origin}/api/articles?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } }, 200);
    slowest.set(q, Math.max(slowest.get(q) ?? 0, performance.now() - started));
    return bytes;
  });
  const worst = [...slowest.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([q, ms]) => ({ q, ms: round(ms) }));
  return [{ ...result, detail: { ...result.detail, queries: queries.length, slowestQueries: worst } }];
}

export async function benchReviewQueue(ctx: HttpContext): Promise<Figure[]> {
  return [
    await latencyFigure({ name: "review-queue", label: "Review queue page (signed in as analyst)", target: 200, count: ctx.quick ? 5 : 30 }, () =>
      timedRequest(`${ctx.server.origin}/review`, { headers: { cookie: ctx.analystCookie } }, 200),
    ),
  ];
}

export async function benchEntitySearch(ctx: HttpContext): Promise<Figure[]> {
  const rng = sampler(ctx, 4);
  const { entities } = ctx.workspace;
  const token = ctx.workspace.users.editor.token;
  return [
    await latencyFigure({ name: "entity-search", label: "Entity alias search (GET /api/entities?q=)", target: 30, count: ctx.quick ? 20 : 200 }, () => {
      const entity = entities[Math.floor(rng() * entities.length)]!;
      const names = [entity.name, ...entity.aliases];
      const name = names[Math.floor(rng() * names.length)]!;
      const q = name.slice(0, 3 + Math.floor(rng() * 4));
      return timedRequest(`${ctx.server.origin}/api/entities?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } }, 200);
    }),
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
