// npm start / npm run dev: database (embedded unless DATABASE_URL), migrations, first-start data, build, serve.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describeConnectionError } from "@/lib/db/connection";
import { DATA_DIR, startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { clearRuntimeCaches } from "./runtime-cache";
import { SERVE_ENV, SERVE_NODE_FLAGS } from "./serve-flags.mjs";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function authSecret(embedded: boolean): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!embedded && process.env.NODE_ENV === "production") {
    fail("AUTH_SECRET is not set. Set it to a long random string (e.g. `openssl rand -base64 32`) before starting in production.");
  }
  // Kept beside the data so sessions survive restarts of a local instance.
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    fail(describeConnectionError(error, url) ?? `Cannot use the database in DATABASE_URL: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "components", "lib"].some((dir) => newestSource(path.join(root, dir)) > built);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 1);
    });
  });
}

const embeddedMode = !process.env.DATABASE_URL;
let embedded: EmbeddedPostgres | null = null;
let databaseUrl = process.env.DATABASE_URL ?? "";
if (embeddedMode) {
  embedded = await startEmbeddedPostgres({ persistent: true });
  databaseUrl = embedded.url;
  console.log("Using the embedded database in .data/ (set DATABASE_URL to use a PostgreSQL server).");
} else {
  await checkReachable(databaseUrl);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_MAX: embeddedMode ? "1" : (process.env.DATABASE_POOL_MAX ?? "10"),
  AUTH_SECRET: await authSecret(embeddedMode),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  CONCORD_EMBEDDED: embeddedMode ? "1" : "",
  PORT: port,
  NEXT_TELEMETRY_DISABLED: "1",
};
env.NEXTAUTH_SECRET = env.AUTH_SECRET;

try {
  const applied = await migrate(databaseUrl, { log: (line) => console.log(line) });
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
} catch (error) {
  await embedded?.stop();
  fail(describeConnectionError(error, databaseUrl) ?? (error as Error).message);
}

// First-start data runs in its own process: it needs the server-only modules of lib/.
const tsx = path.join(root, "node_modules/.bin/tsx");
const seeded = await run(tsx, ["--conditions=react-server", path.join(root, "scripts/first-start.ts")], env);
if (seeded !== 0) {
  await embedded?.stop();
  fail("Preparing the first-start data failed; see above.");
}

const next = path.join(root, "node_modules/.bin/next");
if (!dev && needsBuild()) {
  console.log("Building the app (first start or changed sources)…");
  const built = await run(next, ["build"], env);
  if (built !== 0) {
    await embedded?.stop();
    fail("The build failed; see above.");
  }
}

await clearRuntimeCaches(root);
const code = dev
  ? await run(next, ["dev", "-p", port], env)
  : await run(process.execPath, [...SERVE_NODE_FLAGS, path.join(root, "scripts/serve.mjs"), "-p", port], { ...SERVE_ENV, ...env });
await embedded?.stop();
process.exit(code);
