import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPublicPageCache, purgePublicPageCache } from "@/lib/server/public-page-cache.mjs";

/** Stands in for Next.js: counts what reaches it and answers each path as the test sets it up. */
let rendered: string[] = [];
let pageVersion = 1;

function renderPage(request: http.IncomingMessage, response: http.ServerResponse) {
  rendered.push(`${request.method} ${request.url}`);
  // Routed as Next.js routes it, by the resolved path.
  if (new URL(request.url ?? "/", "http://app").pathname === "/signin") {
    // A page of the app that is not public: rendered per request, never marked.
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'nonce-${rendered.length}'` });
    response.end("<html><body>sign in</body></html>");
    return;
  }
  if (request.url?.startsWith("/briefings/with-cookie")) response.setHeader("set-cookie", "a=b");
  if (request.url?.startsWith("/briefings/missing")) {
    response.writeHead(404, { "content-type": "text/html" });
    response.end("not found");
    return;
  }
  response.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": "default-src 'self'",
    etag: `"v${pageVersion}"`,
    vary: "RSC",
    "x-concord-public-page": "1",
  });
  response.end(`<html><body>${request.url} version ${pageVersion}</body></html>`);
}

let server: http.Server;
let origin = "";

beforeAll(async () => {
  let cache: ReturnType<typeof createPublicPageCache> | null = null;
  server = http.createServer((request, response) => {
    const passOn = () => renderPage(request, response);
    if (!cache?.handle(request, response, passOn)) passOn();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cache = createPublicPageCache(origin);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  purgePublicPageCache();
  rendered = [];
  pageVersion = 1;
});

const isCopy = (response: Response) => response.headers.get("x-concord-page-copy") === "hit";

/** The first visit is answered by the app and copies the page in the background; visits until the copy answers. */
async function visitUntilCopied(path: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${origin}${path}`);
    if (isCopy(response) || attempt === 50) return response;
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Two visits some time apart, for requests that must never be answered from a copy. */
async function visitTwice(path: string, init?: RequestInit): Promise<Response[]> {
  const first = await fetch(`${origin}${path}`, init);
  await first.text();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const second = await fetch(`${origin}${path}`, init);
  await second.text();
  return [first, second];
}

describe("public page cache", () => {
  it("answers a public page from its copy after the first visit, with the app's headers", async () => {
    const response = await visitUntilCopied("/briefings/talks");
    expect(isCopy(response)).toBe(true);
    expect(await response.text()).toBe("<html><body>/briefings/talks version 1</body></html>");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(response.headers.get("vary")).toBe("RSC, Accept-Encoding");
    const reachedApp = rendered.length;
    await (await fetch(`${origin}/briefings/talks`)).text();
    expect(rendered).toHaveLength(reachedApp);
  });

  it("serves the copy gzipped to clients that accept it, and answers 304 for the current ETag", async () => {
    await visitUntilCopied("/briefings/talks");
    const zipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      http.get(`${origin}/briefings/talks`, { headers: { "accept-encoding": "gzip" } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }));
      });
    });
    expect(zipped.encoding).toBe("gzip");
    expect(gunzipSync(zipped.body).toString()).toContain("version 1");
    const revalidated = await fetch(`${origin}/briefings/talks`, { headers: { "if-none-match": '"v1"' } });
    expect(revalidated.status).toBe(304);
  });

  it("shows the new version at once after a purge (publication or retraction)", async () => {
    await visitUntilCopied("/briefings/talks");
    pageVersion = 2;
    purgePublicPageCache();
    expect(await (await fetch(`${origin}/briefings/talks`)).text()).toContain("version 2");
  });

  it("answers a burst of requests for an expired copy with one fetch from the app, not one render each", async () => {
    await visitUntilCopied("/briefings/talks");
    await new Promise((resolve) => setTimeout(resolve, 2100));
    pageVersion = 2;
    const reachedApp = rendered.length;
    const burst = await Promise.all(Array.from({ length: 20 }, () => fetch(`${origin}/briefings/talks`)));
    expect(burst.every(isCopy)).toBe(true);
    expect(await Promise.all(burst.map((response) => response.text()))).toEqual(Array(20).fill("<html><body>/briefings/talks version 2</body></html>"));
    expect(rendered.slice(reachedApp)).toEqual(["GET /briefings/talks"]);
  });

  it("leaves to the app what it must answer itself", async () => {
    const visits = [
      await visitTwice("/briefings/talks?x=1"),
      await visitTwice("/briefings/talks", { headers: { rsc: "1" } }),
      await visitTwice("/briefings/talks", { method: "POST" }),
      await visitTwice("/articles/1"),
      await visitTwice("/briefings/missing"),
      await visitTwice("/briefings/with-cookie"),
    ];
    expect(visits.flat().filter(isCopy)).toEqual([]);
    expect(rendered).toContain("POST /briefings/talks");
    expect(rendered.filter((entry) => entry === "GET /briefings/missing").length).toBeGreaterThanOrEqual(2);
  });

  it("keys copies on the path the app resolves, so a dotted path to a private page is never served from a copy", async () => {
    const port = Number(new URL(origin).port);
    const rawGet = (path: string) =>
      new Promise<http.IncomingMessage>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path }, (response) => {
            response.resume();
            response.on("end", () => resolve(response));
          })
          .on("error", reject);
      });
    const answers: http.IncomingMessage[] = [];
    for (const path of ["/briefings/../signin", "/briefings/%2e%2e/signin", "/briefings/../signin"]) {
      answers.push(await rawGet(path));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answers.map((answer) => answer.headers["x-concord-page-copy"])).toEqual([undefined, undefined, undefined]);
    expect(new Set(answers.map((answer) => answer.headers["content-security-policy"])).size).toBe(3);
  });

  it("refreshes a copy older than a second while still answering with it, and drops one older than two", async () => {
    await visitUntilCopied("/briefings/talks");
    pageVersion = 3;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await (await fetch(`${origin}/briefings/talks`)).text()).toContain("version 1");
    // The refresh lands within moments; until then the old copy answers.
    let text = "";
    for (let attempt = 0; attempt < 50 && !text.includes("version 3"); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      text = await (await fetch(`${origin}/briefings/talks`)).text();
    }
    expect(text).toContain("version 3");
    pageVersion = 4;
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await (await fetch(`${origin}/briefings/talks`)).text()).toContain("version 4");
  });
});
