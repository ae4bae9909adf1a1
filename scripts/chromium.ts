import { existsSync } from "node:fs";

/** Browser downloads are impossible where Concord is tested and measured: the system's Chromium. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests or eval:copy-pages. Install it (Debian/Ubuntu: `apt-get update && apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.",
    );
  }
  return found;
}

/** What Chromium runs with here: no sandbox (containers), no GPU and nothing fetched behind the page's back. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
