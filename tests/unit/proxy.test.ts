import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";

const ORIGIN = "http://127.0.0.1:3300";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(new URL(path, ORIGIN), { method: init.method ?? "GET", headers: { host: "127.0.0.1:3300", ...init.headers } });
}

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
}

describe("requests refused before any route", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("answers a path segment that is not valid percent-encoded UTF-8 with 400, on pages and the API", async () => {
    for (const path of ["/briefings/%FF", "/briefings/%", "/briefings/%ED%A0%80", "/api/briefings/%FF", "/compose/%E0%A4%A", "/articles/x/revisions/%C0%AF"]) {
      const response = proxy(request(path));
      expect(response.status, path).toBe(400);
      expectSecurityHeaders(response);
    }
    expect(await proxy(request("/api/briefings/%FF")).json()).toMatchObject({ code: "bad_request" });
  });

  it("lets well-formed paths through, encoded or not", () => {
    for (const path of ["/briefings/caf%C3%A9", "/briefings/a%20b", "/api/me", "/compose/null"]) expect(proxy(request(path)).status, path).toBe(200);
  });

  it("answers a server action posted from another origin with 403, not Next.js's 500", async () => {
    const action = (headers: Record<string, string>) => proxy(request("/entities", { method: "POST", headers: { "next-action": "abc123", ...headers } }));
    const refused: Record<string, string>[] = [{ origin: "https://attacker.example" }, {}, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of refused) {
      const response = action(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toMatchObject({ code: "forbidden" });
    }
    expect(action({ origin: ORIGIN }).status).toBe(200);
    expect(action({ "sec-fetch-site": "same-origin" }).status).toBe(200);
  });

  it("trusts X-Forwarded-Host only behind a trusted proxy", () => {
    const forwarded = { "next-action": "abc123", origin: "https://concord.example", "x-forwarded-host": "concord.example" };
    vi.stubEnv("TRUST_PROXY", "");
    expect(proxy(request("/entities", { method: "POST", headers: forwarded })).status).toBe(403);
    vi.stubEnv("TRUST_PROXY", "1");
    expect(proxy(request("/entities", { method: "POST", headers: forwarded })).status).toBe(200);
  });
});
