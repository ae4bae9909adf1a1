import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImportJob, importChunkJob } from "@/lib/articles/jobs";
import { importArticle } from "@/lib/articles/import-articles";
import { getImportJob } from "@/lib/articles/queries";
import type { Actor } from "@/lib/auth/permissions";
import { db, disconnectDb } from "@/lib/db";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { jobQueue, jobsRunInProcess, stopJobQueue } from "@/lib/jobs/queue";
import { startJobWorkers, whenJobsDone } from "@/lib/wiring";
import { makeUser } from "../support/fixtures";

/**
 * On the embedded database (PGlite, one session behind a loopback socket) background jobs run in
 * the server process from the table "BackgroundJob", without pg-boss, whose second connection
 * disturbed the app's reads there. These run jobs on a fresh embedded database while the app
 * keeps writing, and across a restart.
 */
describe("background jobs on the embedded database", () => {
  let embedded: EmbeddedPostgres;
  const saved = { url: process.env.DATABASE_URL, poolMax: process.env.DATABASE_POOL_MAX };
  let editor: Actor;
  const batch = randomBytes(4).toString("hex");
  const text = (n: number, kind: string) =>
    `Ferry ${kind} ${batch} timetable ${n} announced\n\nThe ferry operator announced timetable ${n} for the ${kind} ${batch} route on Monday, adding two evening crossings during the summer season.\n\nThe changes take effect next month, said Maria Kowalczyk, who runs the company.`;

  beforeAll(async () => {
    await stopJobQueue();
    embedded = await startEmbeddedPostgres({ persistent: false });
    await migrate(embedded.url);
    await disconnectDb();
    process.env.DATABASE_URL = embedded.url;
    process.env.DATABASE_POOL_MAX = "1";
    editor = await makeUser("EDITOR");
  });

  afterAll(async () => {
    await stopJobQueue();
    await disconnectDb();
    process.env.DATABASE_URL = saved.url;
    process.env.DATABASE_POOL_MAX = saved.poolMax;
    await embedded?.stop();
  });

  async function finished(jobId: string) {
    let view = await getImportJob(editor, jobId);
    for (let attempt = 0; attempt < 600 && view.status !== "finished"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      view = await getImportJob(editor, jobId);
    }
    return view;
  }

  it("takes up after a restart the jobs queued, and the one running, when the server stopped", { timeout: 180_000 }, async () => {
    expect(jobsRunInProcess()).toBe(true);
    const files = Array.from({ length: 60 }, (_, n) => ({ name: `restart-${n}.txt`, bytes: new TextEncoder().encode(text(n, "restart")) }));
    const job = await createImportJob(editor, { files });
    // The server stopped before its workers took the job; another one was cut short while running.
    await stopJobQueue();
    const cutShort = await createImportJob(editor, { files: [{ name: "cut-short.txt", bytes: new TextEncoder().encode(text(0, "cut-short")) }] });
    await db.backgroundJob.updateMany({
      where: { kind: importChunkJob.name, state: "queued", data: { path: ["importJobId"], equals: cutShort.id } },
      data: { state: "active", attempts: 1, startedAt: new Date() },
    });
    expect(await db.backgroundJob.count({ where: { kind: importChunkJob.name, state: "active" } })).toBe(1);
    await disconnectDb();

    await startJobWorkers();
    expect(await finished(job.id)).toMatchObject({ status: "finished", total: 60, done: 60, failed: 0 });
    expect(await finished(cutShort.id)).toMatchObject({ status: "finished", done: 1 });
    expect(await db.article.count({ where: { title: { contains: `restart ${batch}` } } })).toBe(60);
    const listed = (await jobQueue().list()).filter((entry) => entry.kind === importChunkJob.name);
    expect(listed.map((entry) => entry.state)).toEqual(listed.map(() => "completed"));
  });

  it("imports a job in this process, without pg-boss, while the app keeps writing", { timeout: 180_000 }, async () => {
    await startJobWorkers();
    const files = Array.from({ length: 120 }, (_, n) => ({ name: `ferry-${n}.txt`, bytes: new TextEncoder().encode(text(n, "job")) }));
    files[17] = { name: "ferry-17.txt", bytes: new Uint8Array() };
    const job = await createImportJob(editor, { files });
    expect(job).toMatchObject({ total: 120, results: [] });

    for (let n = 0; n < 20; n++) await importArticle(editor, { bytes: new TextEncoder().encode(text(n, "single")) });

    const view = await finished(job.id);
    expect(view).toMatchObject({ status: "finished", total: 120, done: 119, failed: 1 });
    expect(view.results[17]).toMatchObject({ file: "ferry-17.txt", status: "failed" });
    expect(await db.article.count({ where: { title: { contains: `job ${batch}` } } })).toBe(119);
    expect(await db.article.count({ where: { title: { contains: `single ${batch}` } } })).toBe(20);
    // The imports queued the articles' suggestions; the same workers compute them.
    await whenJobsDone();
    expect(await db.mentionSuggestion.count({ where: { article: { title: { contains: `job ${batch}` } } } })).toBeGreaterThan(0);
    const [{ exists }] = await db.$queryRaw<{ exists: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') AS exists`;
    expect(exists).toBe(false);
  });

  it("runs the proposal jobs waiting together as one: reports of one call imported one by one get one proposal, written once", {
    timeout: 180_000,
  }, async () => {
    await stopJobQueue();
    const reports = [
      "Anna Berg spoke by phone with Samuel Okoro on March 10, officials said.",
      "Samuel Okoro and Anna Berg talked by phone on March 10, his office said.",
      "Anna Berg held a phone call with Samuel Okoro on March 10, a spokesperson said.",
    ];
    const articleIds: string[] = [];
    for (const [n, report] of reports.entries()) {
      const html = `<!doctype html><html lang="en"><head><title>Call ${batch} ${n}</title>
        <meta property="article:published_time" content="2031-03-11T09:00:00Z"></head>
        <body><article><h1>Call ${batch} ${n}</h1><p>${report}</p></article></body></html>`;
      const outcome = await importArticle(editor, { bytes: new TextEncoder().encode(html), filename: "report.html" });
      articleIds.push(outcome.articleId!);
    }
    await startJobWorkers();
    await whenJobsDone();

    const proposals = await db.eventProposal.findMany({
      where: { mentions: { some: { articleId: { in: articleIds } } } },
      select: { version: true, mentions: { select: { articleId: true } } },
    });
    expect(proposals).toHaveLength(1);
    expect(new Set(proposals[0].mentions.map((m) => m.articleId))).toEqual(new Set(articleIds));
    expect(proposals[0].version).toBe(1);
  });
});
