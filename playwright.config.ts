import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/chromium";

const port = process.env.E2E_PORT ?? "3100";

export default defineConfig({
  testDir: "tests/e2e",
  // Separate folders let several runs of one checkout proceed side by side.
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? "test-results",
  // Two cores: the server and one browser at a time.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Dates are written in the reader's locale and time zone: specs read as a British reader in UTC unless they say otherwise.
    locale: "en-GB",
    timezoneId: "UTC",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "chromium", testIgnore: /hostile-import\.spec\.ts$/ },
    // Last: its 4 MB import keeps a background job busy for minutes after the test, which would share the cores with every later spec.
    { name: "hostile-import", testMatch: /hostile-import\.spec\.ts$/, dependencies: ["chromium"] },
  ],
  webServer: {
    // Node itself rather than the tsx wrapper, so the stop signal reaches the script that drops its scratch database.
    command: "node --import tsx --conditions=react-server tests/e2e/support/server.ts",
    url: `http://127.0.0.1:${port}/signin`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // Without this Playwright kills the server outright, and its scratch database is left behind.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
