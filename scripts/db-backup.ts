// npm run db:backup -- [file]: a consistent logical backup of the database (server or embedded).
import { backupDatabase } from "@/lib/db/backup";
import { readArgs } from "./args";
import { runCommand, withDatabase } from "./database";

const { positionals } = readArgs({}, true);
const file = positionals[0] ?? `concord-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`;

await runCommand(() =>
  withDatabase(async ({ url }) => {
    const header = await backupDatabase(url, file);
    const rows = Object.values(header.tables).reduce((sum, n) => sum + n, 0);
    console.log(`Backed up ${rows} rows from ${Object.keys(header.tables).length} tables to ${file}.`);
  }),
);
