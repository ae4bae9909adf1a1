// The physical ceiling, run as its own process like `next start`: a bare Node.js HTTP server
// answering every request with the same bytes from memory.
// Usage: node --import tsx scripts/bench/ceiling-server.ts <body file> <headers as JSON>
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

const [bodyFile, headersJson] = process.argv.slice(2);
if (!bodyFile || !headersJson) {
  console.error("Usage: ceiling-server.ts <body file> <headers as JSON>");
  process.exit(2);
}
const body = readFileSync(bodyFile);
const headers = { ...(JSON.parse(headersJson) as Record<string, string>), "content-length": String(body.byteLength) };

const server = http.createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(0, "127.0.0.1", () => {
  // The parent reads the port from this line.
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
