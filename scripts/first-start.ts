// Run by scripts/start.ts after migrations: demo users (embedded database only), the seed articles,
// and on a new embedded database the demo curation of them (seeds/demo.json).
import { DEMO_USERS, ensureDemoUsers } from "@/lib/auth/demo-users";
import { disconnectDb } from "@/lib/db";
import { demoUserActors } from "@/lib/demo/actors";
import { countArticles, loadDemo } from "@/lib/demo/load";
import { stopJobQueue } from "@/lib/jobs/queue";
import { seedOnFirstStart } from "@/lib/seed";
import "@/lib/wiring";

const log = (line: string) => console.log(line);

try {
  const createdDemoUsers = process.env.CONCORD_EMBEDDED === "1" && (await ensureDemoUsers());
  if (createdDemoUsers) {
    console.log("Created demo users:");
    for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(7)} ${user.email} / ${user.password}`);
  }
  // The demo belongs only in a new embedded database: no users and no articles before this start.
  const newDatabase = createdDemoUsers && (await countArticles()) === 0;
  await seedOnFirstStart(log);
  if (newDatabase) {
    try {
      await loadDemo(await demoUserActors(), { log });
    } catch (error) {
      // A demo that cannot load must not keep the workspace from starting; the message names what failed.
      console.error(
        `The demo could not be loaded completely; the workspace starts with what was loaded.\n${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
} finally {
  // Suggestions and other follow-up work stay queued for the server's workers.
  await stopJobQueue();
  await disconnectDb();
}
