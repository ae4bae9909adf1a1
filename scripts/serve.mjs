// @ts-check
// The production server: Next.js in production mode, with short-lived copies of the public
// briefing pages answered before Next.js's routing (lib/server/public-page-cache.mjs). Plain
// JavaScript, run by plain Node.js: a TypeScript loader would cost the server about 100 MB.
// Usage: node --max-old-space-size=1536 scripts/serve.mjs [-p PORT] [-H HOSTNAME]   (a finished `next build` is required;
// the flags and malloc settings are scripts/serve-flags.mjs, which npm start passes)
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { refuseUnansweredMethod } from "../lib/security/base-headers.mjs";
import { createPublicPageCache } from "../lib/server/public-page-cache.mjs";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
// Next.js reads the mode when it loads, so it is set before the import.
Reflect.set(process.env, "NODE_ENV", "production");
const { default: next } = await import("next");

const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** @type {import("../lib/server/public-page-cache.mjs").PublicPageCache | null} */
let pages = null;
const server = http.createServer((request, response) => {
  // Rate limits key on this (lib/auth/client-address.ts); a client's own value for it is overwritten.
  request.headers["x-concord-client-address"] = request.socket.remoteAddress ?? "unknown";
  if (refuseUnansweredMethod(request, response)) return;
  const passOn = () => void handle(request, response);
  if (pages?.handle(request, response, passOn)) return;
  passOn();
});
server.listen(port, hostname, () => {
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  const local = address.address === "::" || address.address === "0.0.0.0" ? "127.0.0.1" : address.address;
  pages = createPublicPageCache(`http://${local.includes(":") ? `[${local}]` : local}:${address.port}`);
  console.log(`Ready on http://${hostname ?? "localhost"}:${address.port}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold the close open.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
