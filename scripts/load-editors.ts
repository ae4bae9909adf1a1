// Many editors on the same few articles at once: annotating, replying, editing with the version
// they read (some deliberately stale) while analysts review. Runs the production server on a scratch
// database, on this machine's loopback interface only, for a bounded time and request count;
// then checks every acknowledged write against the database. Exits non-zero on any 5xx, any
// failed request, any lost write or update, or any conflict answered for a version that was current.
import { randomBytes, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApiToken, createUser } from "@/lib/auth/mutations";
import type { RoleName } from "@/lib/auth/schemas";
import { db, disconnectDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch";
import { readArgs } from "./args";
import { percentile } from "./bench/load";
import { ensureBuild, startAppServer, type AppServer } from "./bench/server";
import { SYSTEM } from "@/lib/auth/principal";

const USAGE = `Usage: npm run load -- [--seconds 60] [--editors 50] [--analysts 5] [--articles 3] [--think-ms 200] [--max-requests 200000]

Starts the production build (NEXT_DIST_DIR, else .next; built when missing) on a free loopback
port with a scratch database (on DATABASE_URL's server, else embedded) and simulates the editors
and analysts for the given time. Prints latency per operation and the consistency checks.`;

const { values } = readArgs({
  seconds: { type: "string" },
  editors: { type: "string" },
  analysts: { type: "string" },
  articles: { type: "string" },
  "think-ms": { type: "string" },
  "max-requests": { type: "string" },
  help: { type: "boolean", short: "h" },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const bounded = (value: string | undefined, fallback: number, min: number, max: number) => {
  const number = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    console.error(`Expected a whole number from ${min} to ${max}, got ${value}.\n${USAGE}`);
    process.exit(2);
  }
  return number;
};
const SECONDS = bounded(values.seconds, 60, 1, 3600);
const EDITORS = bounded(values.editors, 50, 1, 500);
const ANALYSTS = bounded(values.analysts, 5, 1, 100);
const ARTICLES = bounded(values.articles, 3, 1, 20);
const THINK_MS = bounded(values["think-ms"], 200, 0, 60_000);
const MAX_REQUESTS = bounded(values["max-requests"], 200_000, 1, 10_000_000);
const REQUEST_TIMEOUT_MS = 30_000;
/** Share of edits sent with a version older than the one just read, to check they are refused. */
const STALE_SHARE = 0.2;
const PASSWORD = randomBytes(18).toString("base64url");
const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+$/;

// ───────────────────────────── measuring ─────────────────────────────

type Operation = "create annotation" | "reply" | "read annotation" | "edit annotation" | "review";
const OPERATIONS: Operation[] = ["create annotation", "reply", "read annotation", "edit annotation", "review"];
type Tally = { latencies: number[]; ok: number; conflicts: number; clientErrors: number; serverErrors: number; failures: number };
const tallies = new Map<Operation, Tally>(OPERATIONS.map((op) => [op, { latencies: [], ok: 0, conflicts: 0, clientErrors: 0, serverErrors: 0, failures: 0 }]));
const problems: string[] = [];
let requestsSent = 0;

/** The fields of an annotation (or a conflict answer carrying the current one) that the load test reads. */
type AnnotationJson = { id: string; "concord:version": number; current: AnnotationJson };
type Answer = { status: number; json: AnnotationJson };

async function request(origin: string, token: string, op: Operation, method: string, pathname: string, body?: unknown): Promise<Answer | null> {
  requestsSent++;
  const tally = tallies.get(op)!;
  const started = performance.now();
  try {
    const response = await fetch(`${origin}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    tally.latencies.push(performance.now() - started);
    if (response.status >= 500) {
      tally.serverErrors++;
      problems.push(`${response.status} on ${method} ${pathname}: ${text.slice(0, 200)}`);
    } else if (response.status === 409) tally.conflicts++;
    else if (response.status >= 400) {
      tally.clientErrors++;
      problems.push(`${response.status} on ${method} ${pathname}: ${text.slice(0, 200)}`);
    } else tally.ok++;
    return { status: response.status, json: parseJson(text) as AnnotationJson };
  } catch (error) {
    tally.failures++;
    problems.push(`${method} ${pathname} failed: ${(error as Error).message}`);
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

// ───────────────────────────── what was acknowledged ─────────────────────────────

type Shared = { id: string; articleId: string; authorIndex: number };
const annotations: Shared[] = [];
const acknowledged = {
  annotations: new Set<string>(),
  replies: new Set<string>(),
  /** Review comments carry a unique marker; found again in the database afterwards. */
  reviews: new Set<string>(),
  edits: 0,
};
/** Per annotation: the versions acknowledged writes produced (must never repeat) and the latest acknowledged comment. */
const versions = new Map<string, { produced: number[]; latest: { version: number; marker: string } | null; unacknowledged: Set<string> }>();
const staleAccepted: string[] = [];
const falseConflicts: string[] = [];
let deliberateConflicts = 0;
let concurrentConflicts = 0;

function track(id: string) {
  let entry = versions.get(id);
  if (!entry) {
    entry = { produced: [], latest: null, unacknowledged: new Set() };
    versions.set(id, entry);
  }
  return entry;
}

const versionOf = (annotation: AnnotationJson): number => annotation["concord:version"];
const idOf = (annotation: AnnotationJson): string => String(annotation.id).split("/").pop()!;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const pause = () => new Promise((resolve) => setTimeout(resolve, THINK_MS === 0 ? 0 : Math.random() * 2 * THINK_MS));

// ───────────────────────────── the people ─────────────────────────────

type Person = { index: number; token: string; id: string };
type Article = { id: string; text: string };

function randomSpan(text: string): { start: number; end: number; exact: string } {
  const words = [...text.matchAll(/\S+/g)];
  const first = Math.floor(Math.random() * (words.length - 6));
  const last = first + 1 + Math.floor(Math.random() * 5);
  const start = words[first]!.index!;
  const end = words[last]!.index! + words[last]![0].length;
  return { start, end, exact: text.slice(start, end) };
}

async function editor(origin: string, person: Person, articles: Article[], deadline: number): Promise<void> {
  const own: string[] = [];
  while (Date.now() < deadline && requestsSent < MAX_REQUESTS) {
    const roll = Math.random();
    if (own.length === 0 || roll < 0.3) {
      const article = pick(articles);
      const span = randomSpan(article.text);
      const marker = `create ${randomUUID()}`;
      const answer = await request(origin, person.token, "create annotation", "POST", "/api/annotations", {
        target: {
          source: article.id,
          selector: [
            { type: "TextQuoteSelector", exact: span.exact },
            { type: "TextPositionSelector", start: span.start, end: span.end },
          ],
        },
        body: { kind: "note", comment: marker },
      });
      if (answer?.status === 201) {
        const id = idOf(answer.json);
        acknowledged.annotations.add(id);
        own.push(id);
        annotations.push({ id, articleId: article.id, authorIndex: person.index });
        const entry = track(id);
        entry.produced.push(versionOf(answer.json));
        entry.latest = { version: versionOf(answer.json), marker };
      }
    } else if (roll < 0.6 && annotations.length > 0) {
      const target = pick(annotations);
      const answer = await request(origin, person.token, "reply", "POST", `/api/annotations/${target.id}/replies`, { body: `reply ${randomUUID()}` });
      if (answer?.status === 201) acknowledged.replies.add(answer.json.id);
    } else {
      const id = pick(own);
      const read = await request(origin, person.token, "read annotation", "GET", `/api/annotations/${id}`);
      if (read?.status !== 200) continue;
      const readVersion = versionOf(read.json);
      const stale = readVersion > 1 && Math.random() < STALE_SHARE;
      const sent = stale ? readVersion - 1 : readVersion;
      const marker = `edit ${randomUUID()}`;
      const entry = track(id);
      entry.unacknowledged.add(marker);
      const answer = await request(origin, person.token, "edit annotation", "PATCH", `/api/annotations/${id}`, { version: sent, comment: marker });
      if (answer?.status === 200) {
        entry.unacknowledged.delete(marker);
        if (stale) staleAccepted.push(`${id}: version ${sent} accepted although ${readVersion} had been read`);
        acknowledged.edits++;
        const produced = versionOf(answer.json);
        entry.produced.push(produced);
        if (!entry.latest || produced > entry.latest.version) entry.latest = { version: produced, marker };
      } else if (answer?.status === 409) {
        entry.unacknowledged.delete(marker);
        const current = versionOf(answer.json.current);
        if (stale) deliberateConflicts++;
        else if (current > sent) concurrentConflicts++;
        else falseConflicts.push(`${id}: conflict for version ${sent}, current ${current}`);
      }
    }
    await pause();
  }
}

async function analyst(origin: string, person: Person, deadline: number): Promise<void> {
  while (Date.now() < deadline && requestsSent < MAX_REQUESTS) {
    if (annotations.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    const target = pick(annotations);
    const read = await request(origin, person.token, "read annotation", "GET", `/api/annotations/${target.id}`);
    if (read?.status !== 200) continue;
    const sent = versionOf(read.json);
    const marker = `review ${randomUUID()}`;
    const answer = await request(origin, person.token, "review", "POST", `/api/annotations/${target.id}/review`, {
      decision: pick(["approve", "changes", "reject"]),
      comment: marker,
      version: sent,
    });
    if (answer?.status === 200) {
      acknowledged.reviews.add(marker);
      track(target.id).produced.push(versionOf(answer.json));
    } else if (answer?.status === 409) {
      const current = versionOf(answer.json.current);
      if (current > sent) concurrentConflicts++;
      else falseConflicts.push(`${target.id}: review conflict for version ${sent}, current ${current}`);
    }
    await pause();
  }
}

// ───────────────────────────── setting up ─────────────────────────────

const SENTENCES = [
  "Negotiators met for six hours on Tuesday, a delegate said.",
  "The talks ended without a joint statement.",
  "A second round is planned for June in the same city.",
  "Officials on both sides declined to comment on the agenda.",
  "One participant described the atmosphere as constructive.",
  "Observers said the ceasefire held overnight along most of the line.",
  "A spokesperson for the ministry confirmed the meeting took place.",
  "Local reporters counted at least twelve vehicles at the venue.",
];

function articleText(index: number): string {
  const paragraphs = Array.from({ length: 6 }, (_, p) => Array.from({ length: 4 }, (_, s) => SENTENCES[(index + p * 3 + s) % SENTENCES.length]).join(" "));
  return [`Load test briefing number ${index + 1}`, `Source: https://news.example/load/${randomBytes(4).toString("hex")}`, ...paragraphs].join("\n\n");
}

async function makePeople(role: RoleName, count: number): Promise<Person[]> {
  const people: Person[] = [];
  for (let index = 0; index < count; index++) {
    const user = await createUser(SYSTEM, {
      email: `${role.toLowerCase()}${index}@load.concord`,
      name: `${role.toLowerCase()} ${index}`,
      role,
      password: PASSWORD,
    });
    people.push({ index, id: user.id, token: (await createApiToken(SYSTEM, user.id, "load test")).token });
  }
  return people;
}

function formatTable(wallSeconds: number): string {
  const rows = [["operation", "requests", "2xx", "409", "4xx", "5xx", "failed", "p50 ms", "p95 ms", "p99 ms", "per s"]];
  for (const [op, tally] of tallies) {
    const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : "-");
    rows.push([
      op,
      String(tally.latencies.length + tally.failures),
      String(tally.ok),
      String(tally.conflicts),
      String(tally.clientErrors),
      String(tally.serverErrors),
      String(tally.failures),
      fixed(percentile(tally.latencies, 50)),
      fixed(percentile(tally.latencies, 95)),
      fixed(percentile(tally.latencies, 99)),
      (tally.latencies.length / wallSeconds).toFixed(1),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ")).join("\n");
}

// ───────────────────────────── the run ─────────────────────────────

const database = await createScratchDatabase("concord_load");
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_MAX = database.embedded ? "1" : "5";
let server: AppServer | null = null;
let exitCode = 1;
try {
  console.log(`Scratch database: ${database.embedded ? "embedded (in memory)" : new URL(database.url).pathname.slice(1)}`);
  await migrate(database.url);
  const editors = await makePeople("EDITOR", EDITORS);
  const analysts = await makePeople("ANALYST", ANALYSTS);
  console.log(`${EDITORS} editors and ${ANALYSTS} analysts created, each with an API token.`);
  // The embedded database takes one connection at a time: the server gets it while the run lasts.
  await disconnectDb();

  const build = await ensureBuild({ force: false, logFile: path.join(tmpdir(), `concord-load-build-${process.pid}.log`), log: console.log });
  const serverLog = path.join(tmpdir(), `concord-load-server-${process.pid}.log`);
  server = await startAppServer({ databaseUrl: database.url, poolMax: database.embedded ? 1 : 10, distDir: build.distDir, logFile: serverLog });
  if (!LOOPBACK.test(server.origin)) throw new Error(`The load test only runs against this machine's loopback address, not ${server.origin}.`);
  console.log(`The production server (build ${build.distDir}) on ${server.origin}, pid ${server.pid}; its log: ${serverLog}`);

  const articles: Article[] = [];
  for (let index = 0; index < ARTICLES; index++) {
    const response = await fetch(`${server.origin}/api/articles`, {
      method: "POST",
      headers: { authorization: `Bearer ${editors[0]!.token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: articleText(index) }),
    });
    const article = await response.json();
    if (response.status !== 201) throw new Error(`Importing a load-test article failed (${response.status}): ${JSON.stringify(article)}`);
    articles.push({ id: article.id, text: article.text });
  }

  console.log(`Running ${EDITORS} editors and ${ANALYSTS} analysts on ${ARTICLES} articles for ${SECONDS} s…`);
  const started = performance.now();
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all([
    ...editors.map((person) => editor(server!.origin, person, articles, deadline)),
    ...analysts.map((person) => analyst(server!.origin, person, deadline)),
  ]);
  const wallSeconds = (performance.now() - started) / 1000;
  await server.stop();
  server = null;

  // ── Every acknowledged write must be in the database. ──
  const annotationIds = [...acknowledged.annotations];
  const stored = await db.annotation.findMany({ where: { id: { in: annotationIds } }, select: { id: true, version: true, bodyHtml: true } });
  const storedReplies = await db.annotationReply.count({ where: { id: { in: [...acknowledged.replies] } } });
  const storedReviews = await db.annotationReview.findMany({ where: { comment: { in: [...acknowledged.reviews] } }, select: { comment: true } });
  const lostWrites = [
    ...annotationIds.filter((id) => !stored.some((row) => row.id === id)).map((id) => `annotation ${id} acknowledged but not stored`),
    ...(storedReplies === acknowledged.replies.size ? [] : [`${acknowledged.replies.size - storedReplies} acknowledged replies not stored`]),
    ...(storedReviews.length === acknowledged.reviews.size ? [] : [`${acknowledged.reviews.size - storedReviews.length} acknowledged reviews not stored`]),
  ];
  // ── No update lost: versions never handed out twice, and each annotation shows its latest acknowledged comment. ──
  const lostUpdates = [...staleAccepted];
  for (const row of stored) {
    const entry = versions.get(row.id)!;
    const duplicates = entry.produced.filter((version, index) => entry.produced.indexOf(version) !== index);
    if (duplicates.length > 0) lostUpdates.push(`${row.id}: version ${duplicates.join(", ")} acknowledged to two writers`);
    if (row.version < Math.max(...entry.produced)) lostUpdates.push(`${row.id}: stored version ${row.version} is older than an acknowledged one`);
    const shown = entry.latest && row.bodyHtml.includes(entry.latest.marker);
    const unacknowledged = [...entry.unacknowledged].some((marker) => row.bodyHtml.includes(marker));
    if (!shown && !unacknowledged) lostUpdates.push(`${row.id}: the latest acknowledged comment (${entry.latest?.marker}) is not the stored one`);
  }

  const totals = [...tallies.values()].reduce(
    (sum, tally) => ({
      requests: sum.requests + tally.latencies.length + tally.failures,
      serverErrors: sum.serverErrors + tally.serverErrors,
      failures: sum.failures + tally.failures,
      clientErrors: sum.clientErrors + tally.clientErrors,
    }),
    { requests: 0, serverErrors: 0, failures: 0, clientErrors: 0 },
  );
  const writes = acknowledged.annotations.size + acknowledged.replies.size + acknowledged.reviews.size + acknowledged.edits;
  console.log(`\n${formatTable(wallSeconds)}\n`);
  console.log(
    `Wall time ${wallSeconds.toFixed(1)} s · ${totals.requests} requests (${(totals.requests / wallSeconds).toFixed(1)}/s) · ${writes} acknowledged writes (${(writes / wallSeconds).toFixed(1)}/s)`,
  );
  console.log(
    `Acknowledged and found in the database: ${stored.length}/${acknowledged.annotations.size} annotations, ${storedReplies}/${acknowledged.replies.size} replies, ${storedReviews.length}/${acknowledged.reviews.size} reviews, ${acknowledged.edits} edits (latest of each annotation checked)`,
  );
  console.log(
    `Conflicts (409): ${deliberateConflicts} for deliberately stale versions, ${concurrentConflicts} for versions changed by someone else meanwhile, ${falseConflicts.length} for a version that was current`,
  );
  console.log(
    `Server errors (5xx): ${totals.serverErrors} · failed requests: ${totals.failures} · other 4xx: ${totals.clientErrors} · lost writes: ${lostWrites.length} · lost updates: ${lostUpdates.length}`,
  );
  const failures = [...problems, ...lostWrites, ...lostUpdates, ...falseConflicts];
  for (const line of failures.slice(0, 20)) console.log(`  ${line}`);
  if (failures.length > 20) console.log(`  … and ${failures.length - 20} more`);
  exitCode = failures.length === 0 ? 0 : 1;
  console.log(exitCode === 0 ? "PASS" : "FAIL");
} finally {
  await server?.stop();
  await disconnectDb();
  await database.drop().catch((error) => console.error("Dropping the load-test database failed:", error));
}
process.exit(exitCode);
