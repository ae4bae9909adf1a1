// Prints the SQL for prisma/schema.prisma from an empty database: the starting point for a new migration.
import { schemaSqlFromEmpty } from "@/lib/db/schema-sql";
import { withDatabase } from "./database";

await withDatabase(async ({ url }) => {
  process.stdout.write(await schemaSqlFromEmpty(url));
});
