import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // lib/ modules guard against client bundles; tests run them as the server does.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // Pure logic without module state between files: one module graph per worker, not one per
          // file, saves importing the NLP and HTML libraries sixty times over.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          // On a PostgreSQL server each file works in its own copy of the run's migrated database
          // (tests/integration/setup.ts), so two files run at once; the embedded database serves one
          // process, so without DATABASE_URL files run one after another on the run's database.
          fileParallelism: Boolean(process.env.DATABASE_URL),
          maxWorkers: 2,
          // A guard against hangs, not a speed test: the first test of a file that starts a worker
          // thread took 17 s alone on the shared 2-core machine and over 30 s beside another file.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
