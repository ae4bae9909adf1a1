// @ts-check
// The physical ceiling, run as its own process with plain Node.js like the production server
// (scripts/serve.mjs): a bare HTTP server answering every request with the same status, headers
// and body bytes from memory. Headers come as a flat [name, value, …] list in the order the
// app sent them; Node.js adds Date, Connection and Keep-Alive to both servers' answers alike.
// Usage: node scripts/bench/ceiling-server.mjs <body file> <headers file (JSON list)>
import { readFileSync } from "node:fs";
import http from "node:http";

const [bodyFile, headersFile] = process.argv.slice(2);
if (!bodyFile || !headersFile) {
  console.error("Usage: ceiling-server.mjs <body file> <headers file>");
  process.exit(2);
}
const body = readFileSync(bodyFile);
/** @type {string[]} */
const headers = JSON.parse(readFileSync(headersFile, "utf8"));

const server = http.createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(0, "127.0.0.1", () => {
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  // The parent reads the port from this line.
  console.log(`listening ${address.port}`);
});
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
