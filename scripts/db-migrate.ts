// npm run db:migrate: applies pending SQL migrations without Prisma's downloaded engine.
import { migrate } from "@/lib/db/migrate";
import { runCommand, withDatabase } from "./database";

await runCommand(() =>
  withDatabase(async ({ url }) => {
    const applied = await migrate(url, { log: (line) => console.log(line) });
    console.log(applied.length ? `Applied ${applied.length} migration(s).` : "The database is up to date.");
  }),
);
