import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate`; migrations run through scripts/migrate.ts
// because Prisma's schema engine is a download that air-gapped machines cannot make.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
