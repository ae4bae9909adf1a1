// Run by scripts/start.ts after migrations: demo users (embedded database only) and the seed articles.
import { DEMO_USERS, ensureDemoUsers } from "@/lib/auth/demo-users";
import { disconnectDb } from "@/lib/db";
import { seedOnFirstStart } from "@/lib/seed";

try {
  if (process.env.CONCORD_EMBEDDED === "1" && (await ensureDemoUsers())) {
    console.log("Created demo users:");
    for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(7)} ${user.email} / ${user.password}`);
  }
  await seedOnFirstStart((line) => console.log(line));
} finally {
  await disconnectDb();
}
