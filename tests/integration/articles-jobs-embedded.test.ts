import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImportJob, jobsRunInProcess, startJobWorkers, stopBackgroundJobs } from "@/lib/articles/jobs";
import { importArticle } from "@/lib/articles/mutations";
import { getImportJob } from "@/lib/articles/queries";
import type { Actor } from "@/lib/auth/permissions";
import { db, disconnectDb } from "@/lib/db";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { makeUser } from "../support/fixtures";

/**
 * On the embedded database (PGlite, one session behind a loopback socket) background imports
 * run in the server process without pg-boss, whose second connection disturbed the app's reads
 * there. This runs a job on a fresh embedded database while the app keeps writing.
 */
describe("background imports on the embedded database", () => {
  let embedded: EmbeddedPostgres;
  const saved = { url: process.env.DATABASE_URL, poolMax: process.env.DATABASE_POOL_MAX };
  let editor: Actor;
  let staleJobId: string;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ persistent: false });
    await migrate(embedded.url);
    await disconnectDb();
    process.env.DATABASE_URL = embedded.url;
    process.env.DATABASE_POOL_MAX = "1";
    editor = await makeUser("EDITOR");
    // A job an earlier run of the server never finished: its files were only in that process's memory.
    const stale = await db.importJob.create({ data: { total: 3, status: "running", createdById: editor.id, createdAt: new Date(Date.now() - 60 * 60 * 1000) } });
    staleJobId = stale.id;
    await startJobWorkers();
  });

  afterAll(async () => {
    await stopBackgroundJobs();
    await disconnectDb();
    process.env.DATABASE_URL = saved.url;
    process.env.DATABASE_POOL_MAX = saved.poolMax;
    await embedded?.stop();
  });

  it("marks a job cut short by a restart as interrupted", async () => {
    expect((await getImportJob(editor, staleJobId)).status).toBe("interrupted");
  });

  it("imports a job in this process, without pg-boss, while the app keeps writing", { timeout: 180_000 }, async () => {
    expect(jobsRunInProcess()).toBe(true);
    const batch = randomBytes(4).toString("hex");
    const text = (n: number, kind: string) =>
      `Ferry ${kind} ${batch} timetable ${n} announced\n\nThe ferry operator announced timetable ${n} for the ${kind} ${batch} route on Monday, adding two evening crossings during the summer season.\n\nThe changes take effect next month, the company said.`;
    const files = Array.from({ length: 120 }, (_, n) => ({ name: `ferry-${n}.txt`, bytes: new TextEncoder().encode(text(n, "job")) }));
    files[17] = { name: "ferry-17.txt", bytes: new Uint8Array() };
    const job = await createImportJob(editor, { files });
    expect(job).toMatchObject({ total: 120, results: [] });

    for (let n = 0; n < 20; n++) await importArticle(editor, { bytes: new TextEncoder().encode(text(n, "single")) });

    let view = await getImportJob(editor, job.id);
    for (let attempt = 0; attempt < 600 && view.status !== "finished"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      view = await getImportJob(editor, job.id);
    }
    expect(view).toMatchObject({ status: "finished", total: 120, done: 119, failed: 1 });
    expect(view.results[17]).toMatchObject({ file: "ferry-17.txt", status: "failed" });
    expect(await db.article.count({ where: { title: { contains: `job ${batch}` } } })).toBe(119);
    expect(await db.article.count({ where: { title: { contains: `single ${batch}` } } })).toBe(20);
    const [{ exists }] = await db.$queryRaw<{ exists: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') AS exists`;
    expect(exists).toBe(false);
  });
});
