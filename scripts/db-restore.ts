// npm run db:restore -- <file>: loads a backup into an empty database (migrated first, if needed).
import { restoreDatabase } from "@/lib/db/backup";
import { migrate } from "@/lib/db/migrate";
import { readArgs } from "./args";
import { runCommand, withDatabase } from "./database";

const { positionals } = readArgs({}, true);

await runCommand(async () => {
  const file = positionals[0];
  if (!file) throw new Error("Usage: npm run db:restore -- <backup file>");
  await withDatabase(async ({ url }) => {
    await migrate(url);
    const header = await restoreDatabase(url, file);
    const rows = Object.values(header.tables).reduce((sum, n) => sum + n, 0);
    console.log(`Restored ${rows} rows into ${Object.keys(header.tables).length} tables from the backup of ${header.createdAt}.`);
  });
});
