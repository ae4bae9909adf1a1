// npm run import -- [--dry-run] [--json] <files or folders…>
// Imports articles (plain text, HTML, Markdown). Folders are read recursively; hidden files are skipped.
// --dry-run parses only and never opens the database; with --json it prints one JSON array of extractions.
// Without --dry-run: progress, a summary, and exit code 1 when any file failed (the others still import).
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { isArticleFilename, MAX_IMPORT_BYTES } from "@/lib/articles/extract";
import { dryRunRecord, prepareImport, tooLargeImport, type PreparedImport } from "@/lib/articles/prepare";
import type { ImportOutcome } from "@/lib/articles/schemas";
import { readArgs } from "./args";
import { runCommand, withDatabase } from "./database";
import { SYSTEM } from "@/lib/auth/principal";

const USAGE = "Usage: npm run import -- [--dry-run] [--json] <files or folders…>";
// Files per transaction: large enough that a folder of thousands imports in a few statements per batch.
const BATCH_FILES = 50;
// Up to this many files every result gets its own line; above it only failures and progress do.
const LIST_EACH_UP_TO = 20;

const { values, positionals } = readArgs({ "dry-run": { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } }, true);

if (values.help || positionals.length === 0) {
  (values.help ? console.log : console.error)(USAGE);
  process.exit(values.help ? 0 : 2);
}

type Entry = { file: string; problem?: string };

/** Every file named, and every article file inside a named folder, in a stable order; missing paths become failures. */
async function listFiles(paths: readonly string[]): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) entries.push({ file: given, problem: "There is no file or folder with this name." });
    else if (info.isDirectory()) entries.push(...(await walk(given)));
    else entries.push({ file: given });
  }
  return entries;
}

async function walk(dir: string): Promise<Entry[]> {
  const children = (await readdir(dir, { withFileTypes: true })).filter((child) => !child.name.startsWith(".")).sort((a, b) => a.name.localeCompare(b.name));
  const entries: Entry[] = [];
  for (const child of children) {
    const full = path.join(dir, child.name);
    if (child.isDirectory()) entries.push(...(await walk(full)));
    else if (child.isFile() && isArticleFilename(child.name)) entries.push({ file: full });
  }
  return entries;
}

/** Reads and parses one file; a file over the limit is refused before it is read. */
async function prepareFile(entry: Entry): Promise<PreparedImport> {
  if (entry.problem) return { ok: false, file: entry.file, error: entry.problem, code: "missing" };
  try {
    const info = await stat(entry.file);
    if (info.size > MAX_IMPORT_BYTES) return tooLargeImport(entry.file);
    return prepareImport({ bytes: await readFile(entry.file), filename: entry.file });
  } catch (error) {
    return { ok: false, file: entry.file, error: `The file could not be read: ${(error as Error).message}`, code: "unreadable" };
  }
}

async function dryRun(entries: Entry[]): Promise<void> {
  const records = [];
  for (const entry of entries) records.push(dryRunRecord(entry.file, await prepareFile(entry)));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    return;
  }
  for (const record of records) {
    if (record.error) {
      console.log(`${record.file}: FAILED: ${record.error}`);
      continue;
    }
    console.log(`${record.file}: “${record.title}” (${record.kind}; ${record.outlet ?? "outlet unknown"}; ${record.publishedAt ?? "no date"})`);
    console.log(`  ${record.paragraphs.length} paragraph(s), ${record.removed.length} line(s) removed`);
    for (const line of record.removed) console.log(`  - [${line.reason}] ${line.text.length > 90 ? `${line.text.slice(0, 90)}…` : line.text}`);
  }
}

function describe(outcome: ImportOutcome): string {
  switch (outcome.status) {
    case "imported":
      return `imported      ${outcome.file}: “${outcome.title}” (${outcome.articleId})`;
    case "duplicate":
      return `duplicate     ${outcome.file}: already imported as “${outcome.title}” (${outcome.articleId})`;
    case "revision":
      return `new revision  ${outcome.file}: revision ${outcome.revisionNumber} of “${outcome.title}” (${outcome.articleId})`;
    default:
      return `failed        ${outcome.file}: ${outcome.error}`;
  }
}

async function runImport(entries: Entry[], openedHere: boolean): Promise<void> {
  const { importPrepared } = await import("@/lib/articles/import-articles");
  const { stopJobQueue } = await import("@/lib/jobs/queue");
  const { startJobWorkers, whenJobsDone } = await import("@/lib/wiring");
  const { disconnectDb } = await import("@/lib/db");
  const started = Date.now();
  const counts = { imported: 0, duplicate: 0, revision: 0, failed: 0 };
  const outcomes: ImportOutcome[] = [];
  const listEach = entries.length <= LIST_EACH_UP_TO;
  const progress = (done: number) => {
    const line = `[${done}/${entries.length}] imported ${counts.imported}, duplicate ${counts.duplicate}, new revision ${counts.revision}, failed ${counts.failed}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === entries.length ? "\n" : ""}`);
    else process.stderr.write(`${line}\n`);
  };
  try {
    for (let at = 0; at < entries.length; at += BATCH_FILES) {
      const prepared = await Promise.all(entries.slice(at, at + BATCH_FILES).map(prepareFile));
      const batch = await importPrepared(SYSTEM, prepared);
      for (const outcome of batch) {
        counts[outcome.status]++;
        outcomes.push(outcome);
        const report = values.json ? null : listEach || outcome.status === "failed" ? describe(outcome) : null;
        if (report) {
          if (!listEach && process.stderr.isTTY) process.stderr.write("\r\u001b[K");
          (outcome.status === "failed" ? console.error : console.log)(report);
        }
      }
      if (!listEach) progress(Math.min(at + BATCH_FILES, entries.length));
    }
    if (values.json) process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const summary = `Imported ${counts.imported}, duplicate ${counts.duplicate}, new revision ${counts.revision}, failed ${counts.failed} (${entries.length} file(s) in ${seconds} s).`;
    (values.json ? console.error : console.log)(summary);

    const changed = outcomes.filter((outcome) => outcome.status === "imported" || outcome.status === "revision").length;
    // Each batch queued its articles' entity suggestions for the app's workers; with no app running, they are computed here before exiting.
    if (openedHere && changed > 0) {
      console.error(`Computing entity suggestions for ${changed} article(s)…`);
      await startJobWorkers();
      await whenJobsDone();
    }
  } finally {
    await stopJobQueue();
    await disconnectDb();
  }
  if (counts.failed > 0) process.exitCode = 1;
}

await runCommand(async () => {
  const entries = await listFiles(positionals);
  if (entries.length === 0) throw new Error("No files to import: the folders given are empty.");
  if (values["dry-run"]) await dryRun(entries);
  else await withDatabase((database) => runImport(entries, database.opened));
});
