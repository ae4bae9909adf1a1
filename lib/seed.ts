import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isArticleFilename } from "@/lib/articles/extract";
import { importArticles } from "@/lib/articles/import-articles";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/principal";

const SEEDS_DIR = path.resolve(import.meta.dirname, "../seeds");

/**
 * On the first start of a database without articles, imports every file in seeds/ through the
 * importer, exactly as `npm run import` would, and logs what happened to each.
 */
export async function seedOnFirstStart(log: (line: string) => void): Promise<void> {
  if ((await db.article.count()) > 0) return;
  const names = (await readdir(SEEDS_DIR, { withFileTypes: true }))
    // seeds/ also holds the demo curation (demo.json), which is not an article.
    .filter((entry) => entry.isFile() && !entry.name.startsWith(".") && isArticleFilename(entry.name))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) {
    log("Seed articles: seeds/ is empty; nothing to import.");
    return;
  }
  const sources = await Promise.all(names.map(async (name) => ({ bytes: await readFile(path.join(SEEDS_DIR, name)), filename: name })));
  const outcomes = await importArticles(SYSTEM, sources);
  log(`Seed articles: the database had none, so the ${names.length} file(s) in seeds/ went through the importer:`);
  for (const outcome of outcomes) {
    log(outcome.status === "failed" ? `  failed    ${outcome.file}: ${outcome.error}` : `  ${outcome.status.padEnd(9)} ${outcome.file}: ${outcome.title}`);
  }
}
