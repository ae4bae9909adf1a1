import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createEntity } from "@/lib/entities/mutations";
import { createEntitySchema } from "@/lib/entities/schemas";
import { registrySuggestionsJob } from "@/lib/entities/suggestion-jobs";
import { jobQueue, stopJobQueue } from "@/lib/jobs/queue";
import type { Actor } from "@/lib/auth/permissions";
import { makeArticle } from "../support/article-fixtures";
import { makeUser } from "../support/fixtures";

const root = path.resolve(import.meta.dirname, "../..");

/** Letters only, so a tagged name stays one word. */
const tag = () =>
  randomBytes(3)
    .toString("hex")
    .replace(/\d/g, (d) => "ghijklmnop"[Number(d)]);

/** Saves an entity in another process, which is killed (SIGKILL) as soon as the save has committed. */
function saveEntityThenKill(actor: Actor, entity: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader, not the tsx wrapper: the wrapper would die alone and leave the saving process hanging.
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/save-entity-then-hang.ts"], {
      cwd: root,
      env: { ...process.env, CONCORD_TEST_ACTOR: JSON.stringify(actor), CONCORD_TEST_ENTITY: JSON.stringify(entity) },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const saved = /saved (\S+)/.exec(output);
      if (saved) {
        child.kill("SIGKILL");
        resolve(saved[1]);
      }
    });
    child.stderr.on("data", (chunk) => process.stderr.write(chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`The server process ended by itself (${code}): ${output}`));
    });
  });
}

describe("background jobs", () => {
  it("a killed server loses no queued suggestion refresh: the next server's workers do it", { timeout: 120_000 }, async () => {
    const editor = await makeUser("EDITOR");
    const t = tag();
    const article = await makeArticle(editor, { text: `The delegation was led by Oksana Hrytsenko${t}, who spoke first. Hrytsenko${t} then left.` });

    const entityId = await saveEntityThenKill(editor, { type: "person", name: `Oksana Hrytsenko${t}`, aliases: [`Hrytsenko${t}`] });
    expect(await db.mentionSuggestion.count({ where: { articleId: article.articleId, entityId } })).toBe(0);
    const waiting = (await jobQueue().list({ limit: 1000 })).filter((job) => job.kind === registrySuggestionsJob.name && job.state === "queued");
    expect(waiting).toHaveLength(1);

    await jobQueue().start([registrySuggestionsJob]);
    await jobQueue().whenIdle([registrySuggestionsJob]);
    await stopJobQueue();
    const found = await db.mentionSuggestion.findMany({ where: { articleId: article.articleId, entityId }, orderBy: { start: "asc" } });
    expect(found.map((s) => s.exact)).toEqual([`Oksana Hrytsenko${t}`, `Hrytsenko${t}`]);
  });

  it("coalesces registry changes: eight edits leave one pass waiting", { timeout: 60_000 }, async () => {
    const editor = await makeUser("EDITOR");
    const t = tag();
    for (let n = 0; n < 8; n++) await createEntity(editor, createEntitySchema.parse({ type: "organization", name: `Coalition ${t} ${"abcdefgh"[n]}` }));
    const waiting = (await jobQueue().list({ limit: 1000 })).filter((job) => job.kind === registrySuggestionsJob.name && job.state === "queued");
    expect(waiting).toHaveLength(1);
    await stopJobQueue();
  });
});
