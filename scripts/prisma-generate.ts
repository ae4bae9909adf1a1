// Generates the Prisma client offline. The CLI insists on a schema engine binary it
// never runs for `generate`; any executable satisfies it, so point it at Node itself.
import { spawnSync } from "node:child_process";
import path from "node:path";

const cli = path.resolve(import.meta.dirname, "../node_modules/prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
