import { rm } from "node:fs/promises";
import path from "node:path";

/**
 * Empties what a previous `next start` cached from its database (the data cache and the
 * pages rendered on demand), so a server never shows another database's briefings.
 * Both are rebuilt on the first request.
 */
export async function clearRuntimeCaches(root: string): Promise<void> {
  const dist = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
  await Promise.all([
    rm(path.join(dist, "cache", "fetch-cache"), { recursive: true, force: true }),
    rm(path.join(dist, "server", "route-cache"), { recursive: true, force: true }),
  ]);
}
