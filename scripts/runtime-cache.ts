import { rm } from "node:fs/promises";
import path from "node:path";

/**
 * Empties what a previous server cached from its database (the data cache and the
 * pages rendered on demand), so a server never shows another database's briefings.
 * Both are rebuilt on the first request.
 */
export async function clearRuntimeCaches(root: string, distDir = process.env.NEXT_DIST_DIR ?? ".next"): Promise<void> {
  const dist = path.resolve(root, distDir);
  await Promise.all([
    rm(path.join(dist, "cache", "fetch-cache"), { recursive: true, force: true }),
    rm(path.join(dist, "server", "route-cache"), { recursive: true, force: true }),
  ]);
}
