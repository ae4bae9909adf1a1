import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_USERS } from "./support/users";

/** Signs in through next-auth's credentials callback, as the sign-in form does, and returns the Set-Cookie headers. */
async function signInWithRequest(request: APIRequestContext): Promise<string[]> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = await csrf.json();
  const { email, password } = E2E_USERS.editor;
  const callback = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(callback.status(), await callback.text()).toBe(200);
  const cookies = [csrf, callback].flatMap((response) =>
    response
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      .map((header) => header.value),
  );
  expect(cookies.some((cookie) => /session-token=/.test(cookie))).toBe(true);
  return cookies;
}

test("session cookies are HttpOnly and SameSite, and a cookie-authenticated write from another origin is refused", async ({ request, baseURL }) => {
  const cookies = await signInWithRequest(request);
  for (const cookie of cookies) {
    const [nameValue, ...attributes] = cookie.split(";").map((part) => part.trim());
    const name = nameValue.split("=")[0];
    expect(
      attributes.map((attribute) => attribute.toLowerCase()),
      name,
    ).toContain("httponly");
    expect(
      attributes.find((attribute) => /^samesite=/i.test(attribute)),
      name,
    ).toMatch(/^SameSite=(Lax|Strict)$/i);
  }

  // The cookie signs in the API too; a write claiming another origin is refused before anything happens.
  const entity = { type: "person", name: `Origin check ${Date.now()}`, confirmDuplicate: true };
  const foreign = await request.post("/api/entities", { data: entity, headers: { origin: "https://attacker.example" } });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error).toBe("Cross-site requests are not accepted.");
  const search = await request.get(`/api/entities?q=${encodeURIComponent(entity.name)}`);
  expect((await search.json()).entities).toEqual([]);

  const sameSite = await request.post("/api/entities", { data: entity, headers: { origin: baseURL! } });
  expect(sameSite.status(), await sameSite.text()).toBe(201);

  // Reads change nothing, so they are not refused.
  const read = await request.get("/api/me", { headers: { origin: "https://attacker.example" } });
  expect(read.status()).toBe(200);
});
