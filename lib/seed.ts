import "server-only";

/**
 * Imports the articles in seeds/ when the database has none. The article importer
 * (lib/articles) plugs in here; until it exists there is nothing to import with.
 */
export async function seedOnFirstStart(log: (line: string) => void): Promise<void> {
  log("Seed articles: the importer is not available yet; skipping.");
}
