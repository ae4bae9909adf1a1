import http from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { SAME_ORIGIN } from "./support/origin";
import { E2E_USERS, signIn } from "./support/users";

/** Signs in through next-auth's credentials callback, as the sign-in form does; returns the session cookie. */
async function signInWithRequest(request: APIRequestContext, who: keyof typeof E2E_USERS): Promise<string> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const { email, password } = E2E_USERS[who];
  const callback = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(callback.status(), await callback.text()).toBe(200);
  const cookie = callback.headersArray().find((header) => header.name.toLowerCase() === "set-cookie" && /session-token=/.test(header.value));
  return cookie!.value.split(";")[0]!;
}

/** A request with a method the Fetch standard will not send (TRACE), through Node's own HTTP client. */
function rawRequest(baseURL: string, method: string, path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, baseURL), { method }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

test("after signing in, a callbackUrl that leads off the site sends the user to the app instead", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const callbackUrl of ["/\\evil.example/phish", "/\t/evil.example/phish", "//evil.example/phish", "http://evil.example/phish"]) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email").fill(E2E_USERS.analyst.email);
    await page.getByLabel("Password").fill(E2E_USERS.analyst.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    // The workspace's home page, on the app's own origin.
    await expect(page).toHaveURL(`${origin}/inbox`);
  }
  // A page of the app itself is kept.
  await page.context().clearCookies();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/events")}`);
  await page.getByLabel("Email").fill(E2E_USERS.analyst.email);
  await page.getByLabel("Password").fill(E2E_USERS.analyst.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/events$/);
});

test("next-auth's sign-in endpoint answers a callbackUrl it cannot parse with a redirect to the app, not a 500", async ({ request, baseURL }) => {
  const response = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent("http://localhost:3300.evil.example/")}`, { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  const location = new URL(response.headers().location!, baseURL);
  expect(location.origin).toBe(new URL(baseURL!).origin);
  expect(location.searchParams.get("callbackUrl") ?? "").not.toContain("evil");
});

test("signing out ends the session on the server: a copy of the cookie stops working", async ({ playwright, baseURL }) => {
  const browser = await playwright.request.newContext({ baseURL });
  const copied = await signInWithRequest(browser, "editor2");
  const thief = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: copied } });
  expect((await thief.get("/api/me")).status()).toBe(200);

  const { csrfToken } = await (await browser.get("/api/auth/csrf")).json();
  await browser.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  const after = await thief.get("/api/me");
  expect(after.status()).toBe(401);
  expect((await after.json()).code).toBe("unauthenticated");
  await browser.dispose();
  await thief.dispose();
});

test("TRACE is refused with 405 and the security headers", async ({ baseURL }) => {
  for (const path of ["/api/me", "/briefings", "/signin"]) {
    const response = await rawRequest(baseURL!, "TRACE", path);
    expect(response.status, path).toBe(405);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["content-security-policy"]).toBeTruthy();
    expect(JSON.parse(response.body).code).toBe("method_not_allowed");
  }
});

test("badly percent-encoded path segments are a 400 on every kind of route, never a 500", async ({ page }) => {
  await signIn(page, "editor");
  const paths = [
    "/briefings/%FF",
    "/briefings/%",
    "/briefings/%ED%A0%80",
    "/briefings/x/v/%FF",
    "/api/briefings/%FF",
    "/api/annotations/%/review",
    "/compose/%FF",
    "/articles/%C0%AF",
    "/entities/%FF",
    "/events/%E0%A4%A",
  ];
  for (const path of paths) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(400);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
});

test("unknown ids and impossible dates answer 404 and 422, pages included", async ({ page }) => {
  await signIn(page, "admin");
  for (const path of ["/compose/null", "/compose/does-not-exist", "/entities/null", "/events/null", "/contradictions/null"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  for (const path of ["/api/articles?from=2025-02-30", "/api/articles?to=0000-01-01", "/api/events?from=0000-01-01", "/api/events?to=2025-04-31"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(422);
    expect((await response.json()).code, path).toBe("validation");
  }
  // Pages drop the impossible filter and say so, instead of failing.
  for (const path of ["/articles?from=2025-02-30", "/articles?from=0000-01-01", "/events?from=0000-01-01", "/admin/audit?from=0000-01-01"]) {
    expect((await page.request.get(path)).status(), path).toBe(200);
  }
});

test("a server action posted from another origin is refused with 403, not 500", async ({ page }) => {
  await signIn(page, "editor");
  const foreign: Record<string, string>[] = [{ origin: "https://attacker.example" }, {}];
  for (const headers of foreign) {
    const response = await page.request.post("/entities", {
      headers: { ...headers, "next-action": "0123456789abcdef0123456789abcdef01234567", "content-type": "text/plain;charset=UTF-8" },
      data: "[[]]",
    });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
  }
});

test("a cookie-authenticated API write without an Origin is refused", async ({ page }) => {
  await signIn(page, "editor");
  // Letters only, unlike any other test's entity, since entity search forgives misspellings.
  const entity = {
    type: "person",
    name: `Headerless ${Math.random()
      .toString(36)
      .slice(2, 8)
      .replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`,
    confirmDuplicate: true,
  };
  const refused = await page.request.post("/api/entities", { data: entity });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe("forbidden");
  expect((await page.request.post("/api/entities", { data: entity, headers: SAME_ORIGIN })).status()).toBe(201);
});
