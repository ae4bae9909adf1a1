// @ts-check
// JavaScript, not TypeScript: Next.js loads a next.config.ts through its SWC compiler, whose native
// binding then stays in the production server's memory (about 24 MB resident) for nothing else.

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Lets several builds of one checkout coexist (e.g. parallel test runs); .next by default.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  experimental: {
    // forbidden() and unauthorized() render proper 403/401 pages for role checks.
    authInterrupts: true,
    // Next.js hands the proxy (proxy.ts) a copy of each request body and cut it off at 10 MB, so a
    // background import's upload slice of more (up to 50 MB of files, lib/articles/http.ts) reached
    // its route truncated and was refused as unreadable. Above the largest body a route reads (70 MB),
    // so the route itself sees an oversized one and answers 413 with the limit.
    proxyClientMaxBodySize: "72mb",
  },
  // Server-side libraries that must not be bundled (native-free but large or dynamic).
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "linkedom", "pg-boss", "compromise"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` right after the build, over the whole project and the route types the
  // build writes: the build's own check of the same files would only repeat it.
  typescript: { ignoreBuildErrors: process.env.CONCORD_SKIP_BUILD_TYPECHECK === "1" },
};

export default nextConfig;
