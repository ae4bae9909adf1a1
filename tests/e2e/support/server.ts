// The app under test: a scratch database (on DATABASE_URL's server, else embedded), migrated,
// with the e2e accounts and the first-start data, served by the production build on E2E_PORT.
import { spawn } from "node:child_process";
import path from "node:path";
import { createUser } from "@/lib/auth/mutations";
import type { RoleName } from "@/lib/auth/schemas";
import { disconnectDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { seedOnFirstStart } from "@/lib/seed";
import { createScratchDatabase } from "@/lib/db/scratch";
import { stopJobQueue } from "@/lib/jobs/queue";
import "@/lib/wiring";
import { clearRuntimeCaches } from "../../../scripts/runtime-cache";
import { E2E_USERS } from "./users";
import { SYSTEM } from "@/lib/auth/principal";
import { SERVE_ENV, SERVE_NODE_FLAGS } from "../../../scripts/serve-flags.mjs";

const root = path.resolve(import.meta.dirname, "../../..");
const port = process.env.E2E_PORT ?? "3100";

const database = await createScratchDatabase("concord_e2e");
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_MAX = database.embedded ? "1" : "5";
await migrate(database.url);
for (const user of Object.values(E2E_USERS)) await createUser(SYSTEM, { ...user, role: user.role as RoleName });
await seedOnFirstStart(() => {});
await stopJobQueue();
await disconnectDb();
await clearRuntimeCaches(root);

const server = spawn(process.execPath, [...SERVE_NODE_FLAGS, path.join(root, "scripts/serve.mjs"), "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...SERVE_ENV,
    ...process.env,
    AUTH_SECRET: "e2e-secret-not-for-production",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});

async function shutdown(code: number) {
  server.kill("SIGTERM");
  await database.drop().catch(() => {});
  process.exit(code);
}
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));
server.on("exit", (code) => void shutdown(code ?? 1));
