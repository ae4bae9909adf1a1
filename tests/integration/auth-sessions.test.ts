import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";

import { POST as createEntityRoute } from "@/app/api/entities/route";
import { GET as getMe } from "@/app/api/me/route";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { createApiToken, updateUser } from "@/lib/auth/mutations";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { callRoute } from "../support/api";
import { makeToken, makeUser, TEST_PASSWORD } from "../support/fixtures";
import { SYSTEM } from "@/lib/auth/principal";

// next-auth's request handler and response helper, which its package does not export by name.
const nextAuthDir = path.resolve(import.meta.dirname, "../../node_modules/next-auth");
const require = createRequire(import.meta.url);
const { AuthHandler } = require(path.join(nextAuthDir, "core/index.js")) as {
  AuthHandler: (params: { req: Record<string, unknown>; options: unknown }) => Promise<unknown>;
};
const { toResponse } = require(path.join(nextAuthDir, "next/utils.js")) as { toResponse: (response: unknown) => Response };

const ORIGIN = "http://localhost:3300";
let address = 0;

beforeAll(() => {
  process.env.NEXTAUTH_URL = ORIGIN;
});

/**
 * A browser-like client of next-auth's endpoints that keeps cookies between calls. It calls
 * next-auth's own request handler with the app's options, as app/api/auth does, minus Next.js's
 * request scope (which exists only inside a running server).
 */
class Browser {
  cookies = new Map<string, string>();
  readonly address = `192.0.2.${++address}`;

  async call(method: "GET" | "POST", path: string, form?: Record<string, string>): Promise<Response> {
    const url = new URL(path, ORIGIN);
    const [action, providerId] = url.pathname.replace(/^\/api\/auth\//, "").split("/");
    const internal = await AuthHandler({
      req: {
        method,
        body: form,
        query: Object.fromEntries(url.searchParams),
        cookies: Object.fromEntries(this.cookies),
        headers: { [CLIENT_ADDRESS_HEADER]: this.address, host: url.host, origin: ORIGIN },
        action: action as never,
        providerId,
      },
      options: authOptions,
    });
    const response = toResponse(internal);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair!.indexOf("=");
      const [name, value] = [pair!.slice(0, index), pair!.slice(index + 1)];
      if (value) this.cookies.set(name, decodeURIComponent(value));
      else this.cookies.delete(name);
    }
    return response;
  }

  async csrf(): Promise<string> {
    return ((await (await this.call("GET", "/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  }

  async signIn(email: string, password: string): Promise<Response> {
    return this.call("POST", "/api/auth/callback/credentials", { csrfToken: await this.csrf(), email, password, json: "true" });
  }

  async signOut(): Promise<Response> {
    return this.call("POST", "/api/auth/signout", { csrfToken: await this.csrf(), json: "true" });
  }

  sessionCookie(): string {
    return [...this.cookies]
      .filter(([name]) => name.includes("session-token"))
      .map(([name, value]) => `${name}=${value}`)
      .join("; ");
  }

  /** GET /api/me with only the given cookie header, as whoever copied it would send it. */
  static async me(cookie: string): Promise<number> {
    return (await callRoute(getMe, { url: "/api/me", headers: { cookie } })).status;
  }
}

describe("sign-out and password changes end sessions on the server", () => {
  it("a copy of the session cookie stops working once the user signs out", async () => {
    const editor = await makeUser("EDITOR");
    const browser = new Browser();
    const signedIn = await browser.signIn(editor.email, TEST_PASSWORD);
    expect(signedIn.headers.get("location")).not.toMatch(/error/);
    const copied = browser.sessionCookie();
    expect(copied).toMatch(/session-token=/);
    expect(await Browser.me(copied)).toBe(200);

    await browser.signOut();
    expect(await Browser.me(copied)).toBe(401);
    // Signing in again gives a new, working session.
    const again = new Browser();
    await again.signIn(editor.email, TEST_PASSWORD);
    expect(await Browser.me(again.sessionCookie())).toBe(200);
  });

  it("an admin's password change ends the user's sessions and revokes their API tokens", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const browser = new Browser();
    await browser.signIn(editor.email, TEST_PASSWORD);
    const token = await makeToken(editor);
    expect(await Browser.me(browser.sessionCookie())).toBe(200);
    expect((await callRoute(getMe, { token })).status).toBe(200);

    const result = await updateUser(admin, { userId: editor.id, password: "a brand new password" });
    expect(result.tokensRevoked).toBe(1);
    expect(await Browser.me(browser.sessionCookie())).toBe(401);
    expect((await callRoute(getMe, { token })).status).toBe(401);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.update", targetId: editor.id }, orderBy: { createdAt: "desc" } });
    expect(audit.detail).toMatchObject({ passwordChanged: true, tokensRevoked: 1 });
  });

  it("re-enabling a user does not bring back the API tokens they had before", async () => {
    const admin = await makeUser("ADMIN");
    const analyst = await makeUser("ANALYST");
    const token = await makeToken(analyst);
    await updateUser(admin, { userId: analyst.id, disabled: true });
    expect((await callRoute(getMe, { token })).status).toBe(401);
    await updateUser(admin, { userId: analyst.id, disabled: false });
    expect((await callRoute(getMe, { token })).status).toBe(401);
    // A token made after re-enabling works.
    const fresh = (await createApiToken(SYSTEM, analyst.id, "after re-enabling")).token;
    expect((await callRoute(getMe, { token: fresh })).status).toBe(200);
  });

  it("a role change keeps the user's tokens, which act with the new role", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const token = await makeToken(editor);
    await updateUser(admin, { userId: editor.id, role: "ANALYST" });
    const me = await callRoute(getMe, { token });
    expect(me.status).toBe(200);
    expect(me.json.user.role).toBe("ANALYST");
  });
});

describe("next-auth's own redirects", () => {
  it("send a callbackUrl on another origin to the app instead", async () => {
    for (const callbackUrl of ["http://evil.example/phish", "https://localhost:3300/", "http://localhost:3300@evil.example/"]) {
      const response = await new Browser().call("GET", `/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(response.status, callbackUrl).toBe(302);
      const location = new URL(response.headers.get("location")!, ORIGIN);
      expect(location.origin).toBe(ORIGIN);
      expect(location.searchParams.get("callbackUrl"), callbackUrl).toBe(ORIGIN);
    }
  });

  it("keep a callbackUrl within the app", async () => {
    const response = await new Browser().call("GET", `/api/auth/signin?callbackUrl=${encodeURIComponent("/compose/abc")}`);
    expect(new URL(response.headers.get("location")!, ORIGIN).searchParams.get("callbackUrl")).toBe(`${ORIGIN}/compose/abc`);
  });
});

describe("cookie-authenticated writes", () => {
  /** A session cookie as next-auth would set it for the user's current session. */
  async function sessionCookie(userId: string): Promise<string> {
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
    const jwt = await encode({ token: { uid: userId, sv: sessionVersion }, secret: process.env.AUTH_SECRET! });
    return `next-auth.session-token=${jwt}`;
  }

  const write = (cookie: string, headers: Record<string, string>) =>
    callRoute(createEntityRoute, { method: "POST", url: "/api/entities", body: [], headers: { cookie, host: "localhost:3000", ...headers } });

  it("need the app's Origin, or Sec-Fetch-Site: same-origin; a write with neither is refused", async () => {
    vi.stubEnv("TRUST_PROXY", "");
    const cookie = await sessionCookie((await makeUser("EDITOR")).id);
    const refused = await write(cookie, {});
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: "forbidden", error: "Cross-site requests are not accepted." });
    expect((await write(cookie, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await write(cookie, { origin: "https://attacker.example" })).status).toBe(403);
    // Past the origin check, the body (a JSON array) is refused as invalid.
    expect((await write(cookie, { origin: "http://localhost:3000" })).json.code).toBe("validation");
    expect((await write(cookie, { "sec-fetch-site": "same-origin" })).json.code).toBe("validation");
    vi.unstubAllEnvs();
  });

  it("read X-Forwarded-Host only behind a trusted proxy", async () => {
    const cookie = await sessionCookie((await makeUser("EDITOR")).id);
    const forged = { origin: "https://attacker.example", "x-forwarded-host": "attacker.example" };
    vi.stubEnv("TRUST_PROXY", "");
    expect((await write(cookie, forged)).status).toBe(403);
    vi.stubEnv("TRUST_PROXY", "1");
    expect((await write(cookie, forged)).status).toBe(422);
    vi.unstubAllEnvs();
  });

  it("by token need no Origin: no browser sends the token on its own", async () => {
    const token = await makeToken(await makeUser("EDITOR"));
    const response = await callRoute(createEntityRoute, { method: "POST", url: "/api/entities", body: [], token });
    expect(response.status).toBe(422);
  });
});
