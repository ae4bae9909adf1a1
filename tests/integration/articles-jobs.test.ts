import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as jobFilesRoute from "@/app/api/import-jobs/[id]/files/route";
import * as jobRoute from "@/app/api/import-jobs/[id]/route";
import * as jobsRoute from "@/app/api/import-jobs/route";
import type { ImportJobView } from "@/lib/articles/schemas";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/queue";
import { startJobWorkers } from "@/lib/wiring";
import { callRoute } from "../support/api";
import { makeToken, makeUser } from "../support/fixtures";

function article(n: number, batch: string): string {
  return [
    `Council ${batch} report number ${n} published`,
    "",
    `The city council published report number ${n} of series ${batch} on Wednesday, setting out how the new budget will be spent over the next three years.`,
    "",
    `Opposition members said report ${n} left out the cost of repairing the western bridge, which engineers called urgent last spring.`,
  ].join("\n");
}

function upload(files: { name: string; text?: string; bytes?: Uint8Array }[], fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    const bytes = file.bytes ?? new TextEncoder().encode(file.text ?? "");
    form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], file.name));
  }
  return form;
}

async function waitForJob(token: string, id: string): Promise<ImportJobView> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const { json } = await callRoute(jobRoute.GET, { token, params: { id } });
    if (json.status === "finished") return json;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The import job did not finish.");
}

describe("background imports", () => {
  let editor: Actor;
  let token: string;

  beforeAll(async () => {
    editor = await makeUser("EDITOR");
    token = await makeToken(editor);
    await startJobWorkers();
  });

  afterAll(async () => {
    await stopJobQueue();
  });

  it("answers 202 at once and imports the files in the background, with per-file results", async () => {
    const batch = randomBytes(4).toString("hex");
    const files: { name: string; text?: string; bytes?: Uint8Array }[] = Array.from({ length: 120 }, (_, n) => ({
      name: `report-${n}.txt`,
      text: article(n, batch),
    }));
    files[7] = { name: "empty.txt", text: "" };
    files[64] = { name: "picture.txt", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) };
    files[90] = { name: "again.txt", text: article(3, batch) };

    const started = await callRoute(jobsRoute.POST, { method: "POST", token, body: upload(files) });
    expect(started.status).toBe(202);
    expect(started.json.total).toBe(120);

    const job = await waitForJob(token, started.json.id);
    expect(job).toMatchObject({ total: 120, done: 118, failed: 2 });
    expect(job.results).toHaveLength(120);
    expect(job.results.map((result) => result.file)).toEqual(files.map((file) => file.name));
    expect(job.results[7]).toMatchObject({ status: "failed", error: expect.stringMatching(/empty/i) });
    expect(job.results[64]).toMatchObject({ status: "failed", error: expect.stringMatching(/binary/i) });
    // Chunks may run in any order: whichever copy came second is the duplicate of the first.
    expect([job.results[3].status, job.results[90].status].sort()).toEqual(["duplicate", "imported"]);
    expect(job.results[90].articleId).toBe(job.results[3].articleId);
    expect(job.results.filter((result) => result.status === "imported")).toHaveLength(117);
    expect(await db.article.count({ where: { title: { contains: `Council ${batch} report` } } })).toBe(117);
  });

  it("takes a large import in several uploads, importing a re-sent slice once", async () => {
    const batch = randomBytes(4).toString("hex");
    const files = Array.from({ length: 5 }, (_, n) => ({ name: `part-${n}.txt`, text: article(n, batch) }));
    const started = await callRoute(jobsRoute.POST, { method: "POST", token, body: upload(files.slice(0, 2), { total: "5" }) });
    expect(started.status).toBe(202);
    const id = started.json.id;
    const rest = await callRoute(jobFilesRoute.POST, { method: "POST", token, params: { id }, body: upload(files.slice(2), { offset: "2" }) });
    expect(rest.status).toBe(202);
    await callRoute(jobFilesRoute.POST, { method: "POST", token, params: { id }, body: upload(files.slice(2, 3), { offset: "2" }) });
    const beyond = await callRoute(jobFilesRoute.POST, { method: "POST", token, params: { id }, body: upload(files.slice(0, 1), { offset: "5" }) });
    expect(beyond.status).toBe(422);

    const job = await waitForJob(token, id);
    expect(job).toMatchObject({ total: 5, done: 5, failed: 0 });
    expect(job.results.map((result) => result.file)).toEqual(files.map((file) => file.name));
    expect(await db.article.count({ where: { title: { contains: `Council ${batch} report` } } })).toBe(5);
  });

  it("lets only editors and admins start jobs, and shows a job only to its creator and admins", async () => {
    const analyst = await makeUser("ANALYST");
    const analystToken = await makeToken(analyst);
    const refused = await callRoute(jobsRoute.POST, { method: "POST", token: analystToken, body: upload([{ name: "a.txt", text: article(1, "x") }]) });
    expect(refused.status).toBe(403);
    expect((await callRoute(jobsRoute.POST, { method: "POST", body: upload([{ name: "a.txt", text: "x" }]) })).status).toBe(401);

    const started = await callRoute(jobsRoute.POST, {
      method: "POST",
      token,
      body: upload([{ name: "solo.txt", text: article(1, randomBytes(4).toString("hex")) }]),
    });
    const other = await makeToken(await makeUser("EDITOR"));
    expect((await callRoute(jobRoute.GET, { token: other, params: { id: started.json.id } })).status).toBe(404);
    const admin = await makeToken(await makeUser("ADMIN"));
    expect((await callRoute(jobRoute.GET, { token: admin, params: { id: started.json.id } })).status).toBe(200);
    await waitForJob(token, started.json.id);
  });

  it("refuses an upload without files", async () => {
    const response = await callRoute(jobsRoute.POST, { method: "POST", token, body: upload([]) });
    expect(response.status).toBe(422);
  });
});
