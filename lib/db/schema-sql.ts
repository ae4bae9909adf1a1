import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/**
 * The SQL that creates prisma/schema.prisma's database from nothing, printed by
 * Prisma 6.19's WebAssembly schema engine (`engine: "js"`), which needs no download.
 * Prisma 7's CLI would fetch a native engine instead. The engine insists on a
 * reachable database through its adapter even for a from-empty diff.
 */
export async function schemaSqlFromEmpty(databaseUrl: string): Promise<string> {
  // Inside node_modules so the config can resolve @prisma/adapter-pg.
  const work = await mkdtemp(path.join(root, "node_modules", ".concord-schema-sql-"));
  try {
    const schema = await readFile(path.join(root, "prisma/schema.prisma"), "utf8");
    // Prisma 6 wants the url in the datasource block, Prisma 7 forbids it there.
    const schemaFor6 = schema.replace(
      /datasource db \{\s*provider\s*=\s*"postgresql"\s*\}/,
      `datasource db {\n  provider = "postgresql"\n  url      = ${JSON.stringify(databaseUrl)}\n}`,
    );
    const schemaPath = path.join(work, "schema.prisma");
    await writeFile(schemaPath, schemaFor6);
    await writeFile(
      path.join(work, "prisma.config.ts"),
      `import { PrismaPg } from "@prisma/adapter-pg";
export default {
  engine: "js",
  schema: ${JSON.stringify(schemaPath)},
  experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(databaseUrl)} }),
};
`,
    );
    const cli = path.join(root, "node_modules/prisma6/build/index.js");
    const { stdout } = await run(
      process.execPath,
      [cli, "migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaPath, "--script", "--config", path.join(work, "prisma.config.ts")],
      {
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
        // Any existing file stops the CLI from fetching native engines it does not use here.
        env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: process.execPath, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      },
    );
    return stdout;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
