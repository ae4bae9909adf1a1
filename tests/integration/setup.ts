import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db";
import { stopJobQueue } from "@/lib/jobs/queue";
import "@/lib/wiring";

process.env.CONCORD_TEST_SERVER_URL ??= process.env.DATABASE_URL ?? "";
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX = inject("embeddedDatabase") ? "1" : "5";
process.env.AUTH_SECRET ??= "integration-test-secret";

afterAll(async () => {
  await stopJobQueue();
  await disconnectDb();
});
