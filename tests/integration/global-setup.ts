import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
  }
}

/** One migrated scratch database for the whole integration run, dropped at the end. */
export default async function setup(project: TestProject) {
  const database = await createScratchDatabase("concord_it");
  await migrate(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("embeddedDatabase", database.embedded);
  return () => database.drop();
}
