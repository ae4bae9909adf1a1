import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const root = path.resolve(import.meta.dirname, "../..");
const KEYS = ["file", "title", "outlet", "url", "author", "publishedAt", "language", "kind", "paragraphs", "removed", "error"];

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs `npm run import -- …` the way npm does, with the given database URL. */
function runImport(args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/import.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function story(word: string): string {
  return [
    `Museum ${word} reopens after renovation`,
    "",
    `The ${word} museum reopened on Saturday after a three-year renovation that restored its glass roof and added a new wing for temporary exhibitions.`,
    "",
    "Visitors queued for more than an hour, and the director said admission would stay free until the end of the month.",
  ].join("\n");
}

describe("npm run import", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "concord-import-"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("--dry-run --json prints one JSON array for the seeds, with exactly the documented keys, and opens no database", async () => {
    // An unreachable database: the dry run must not even try it.
    const run = await runImport(["--dry-run", "--json", "seeds"], "postgresql://nobody@127.0.0.1:1/none");
    expect(run.code).toBe(0);
    const records = JSON.parse(run.stdout) as Record<string, unknown>[];
    // The folder also holds the demo curation (demo.json), which is not an article and is skipped.
    const seeds = (await readdir(path.join(root, "seeds"))).filter((name) => name.endsWith(".txt")).sort();
    expect(seeds).toHaveLength(5);
    expect(records.map((record) => record.file)).toEqual(seeds.map((name) => path.join("seeds", name)));
    for (const record of records) {
      expect(Object.keys(record)).toEqual(KEYS);
      expect(record.error).toBeNull();
      expect(typeof record.title).toBe("string");
      expect(record.publishedAt === null || /^\d{4}-\d{2}-\d{2}$/.test(record.publishedAt as string)).toBe(true);
      expect(["NEWS", "OPINION", "ANALYSIS", "INTERVIEW"]).toContain(record.kind);
      expect((record.paragraphs as string[]).length).toBeGreaterThan(0);
      for (const line of record.removed as Record<string, unknown>[]) {
        expect(Object.keys(line)).toEqual(["text", "reason"]);
        expect(typeof line.text).toBe("string");
        expect(typeof line.reason).toBe("string");
      }
    }
    expect(records[0]).toMatchObject({ outlet: "Toutiao", url: "https://www.toutiao.com/article/1832418249092099/", kind: "OPINION" });
  });

  it("--dry-run --json reports a file it cannot read with an error and the others normally", async () => {
    const sub = await mkdtemp(path.join(dir, "dry-"));
    await writeFile(path.join(sub, "a-good.txt"), story("dry"));
    await writeFile(path.join(sub, "b-empty.txt"), "");
    const run = await runImport(["--dry-run", "--json", sub], "postgresql://nobody@127.0.0.1:1/none");
    const records = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(records.map((record) => Object.keys(record))).toEqual([KEYS, KEYS]);
    expect(records[0]).toMatchObject({ title: "Museum dry reopens after renovation", error: null });
    expect(records[1]).toMatchObject({ title: null, paragraphs: [], removed: [], error: expect.stringMatching(/empty/i) });
  });

  it("imports a folder, says what happened to each file, and exits non-zero when one failed", async () => {
    const word = `cli${randomBytes(4).toString("hex")}`;
    const sub = await mkdtemp(path.join(dir, "import-"));
    await writeFile(path.join(sub, "1-museum.txt"), story(word));
    await writeFile(path.join(sub, "2-binary.txt"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]));
    await writeFile(
      path.join(sub, "3-other.md"),
      `# Library ${word} extends hours\n\nThe central library will open until ten in the evening from next month, the city said on Thursday, after a petition signed by students.\n\nThe longer hours will be paid for by savings on the heating contract, officials said.`,
    );

    const first = await runImport([sub], process.env.DATABASE_URL!);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/imported\s+.*1-museum\.txt/);
    expect(first.stderr).toMatch(/failed\s+.*2-binary\.txt: .*binary/i);
    expect(first.stdout).toMatch(/Imported 2, duplicate 0, new revision 0, failed 1/);
    expect(await db.article.count({ where: { title: { contains: word } } })).toBe(2);

    const again = await runImport([path.join(sub, "1-museum.txt")], process.env.DATABASE_URL!);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Imported 0, duplicate 1, new revision 0, failed 0/);
    expect(await db.article.count({ where: { title: { contains: word } } })).toBe(2);
  });

  it("killed half-way leaves only whole articles, and run again imports exactly the rest", { timeout: 120_000 }, async () => {
    const word = `kill${randomBytes(4).toString("hex")}`;
    const sub = await mkdtemp(path.join(dir, "kill-"));
    const files = 600;
    for (let i = 0; i < files; i++) await writeFile(path.join(sub, `${String(i).padStart(4, "0")}.txt`), story(`${word} number ${i}`));
    const mine = { title: { contains: word } };

    // Node itself, not the tsx wrapper: the kill must reach the process that writes.
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/import.ts", sub], {
      cwd: root,
      env: { ...process.env },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // Kill it as soon as the first batch is in: mid-way through a run of several batches.
    while ((await db.article.count({ where: mine })) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGKILL");
    await exited;

    const partial = await db.article.count({ where: mine });
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(files);
    // Whole articles only: each has its current revision with its text.
    const articles = await db.article.findMany({ where: mine, select: { title: true, currentRevision: { select: { text: true } } } });
    expect(articles.every((article) => article.currentRevision?.text.includes(word))).toBe(true);

    const again = await runImport([sub], process.env.DATABASE_URL!);
    expect(again.code).toBe(0);
    const summary = /Imported (\d+), duplicate (\d+), new revision 0, failed 0/.exec(again.stdout);
    expect(summary).not.toBeNull();
    const [imported, duplicate] = [Number(summary![1]), Number(summary![2])];
    expect(duplicate).toBe(partial);
    expect(imported).toBe(files - partial);
    expect(await db.article.count({ where: mine })).toBe(files);
  });
});
