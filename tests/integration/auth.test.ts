import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/me/route";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { createApiToken, revokeApiToken, updateUser } from "@/lib/auth/mutations";
import { findActorForSession, listUsers } from "@/lib/auth/queries";
import { updateUserSchema } from "@/lib/auth/schemas";
import {
  authenticate,
  MAX_ACCOUNT_FAILURES,
  MAX_ADDRESS_FAILURES,
  MAX_TOKEN_ADDRESS_FAILURES,
  MAX_TOKEN_PREFIX_FAILURES,
  RATE_WINDOW_MS,
  signInKeys,
  tokenKeys,
} from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, RateLimitedError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { callRoute } from "../support/api";
import { makeToken, makeUser, TEST_PASSWORD } from "../support/fixtures";

describe("sign-in", () => {
  it("accepts the right password and gives one answer for a wrong password or an unknown email", async () => {
    const editor = await makeUser("EDITOR");
    const signedIn = await authenticate({ email: editor.email, password: TEST_PASSWORD }, "10.0.0.1");
    expect(signedIn?.id).toBe(editor.id);
    expect(await authenticate({ email: editor.email, password: "wrong password" }, "10.0.0.2")).toBeNull();
    expect(await authenticate({ email: "nobody@test.concord", password: TEST_PASSWORD }, "10.0.0.3")).toBeNull();
  });

  it("matches the email case-insensitively", async () => {
    const editor = await makeUser("EDITOR");
    expect((await authenticate({ email: editor.email.toUpperCase(), password: TEST_PASSWORD }, "10.0.1.1"))?.id).toBe(editor.id);
  });

  it("slows down repeated failures on an account, then locks it: the right password is refused too, without being checked", async () => {
    const editor = await makeUser("EDITOR");
    const delays: number[] = [];
    const wait = async (ms: number) => void delays.push(ms);
    const attempt = (password: string, address: string) => authenticate({ email: editor.email, password }, address, { wait });
    // Spread over addresses, as a guesser rotating addresses would: the account counts them all.
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) expect(await attempt("wrong password", `10.9.${i}.1`)).toBeNull();
    expect(delays.slice(0, 3)).toEqual([0, 0, 0]);
    expect(delays[3]).toBeGreaterThan(0);
    expect(delays[9]).toBeGreaterThan(delays[3]!);
    await expect(attempt("wrong password", "10.9.99.1")).rejects.toBeInstanceOf(RateLimitedError);

    const waited = delays.length;
    await expect(attempt(TEST_PASSWORD, "10.9.99.2")).rejects.toBeInstanceOf(RateLimitedError);
    expect(delays.length, "a locked account answers at once, with no password check").toBe(waited);
    // Other accounts are not affected, from the same address either.
    const other = await makeUser("EDITOR");
    expect(await authenticate({ email: other.email, password: TEST_PASSWORD }, "10.9.99.1")).not.toBeNull();
  });

  it("unlocks an account when the window has passed", async () => {
    const editor = await makeUser("EDITOR");
    const { account } = signInKeys(editor.email, "10.8.0.1");
    await db.rateLimit.create({ data: { key: account!, count: MAX_ACCOUNT_FAILURES, windowStart: new Date() } });
    await expect(authenticate({ email: editor.email, password: TEST_PASSWORD }, "10.8.0.1")).rejects.toBeInstanceOf(RateLimitedError);
    await db.rateLimit.update({ where: { key: account! }, data: { windowStart: new Date(Date.now() - RATE_WINDOW_MS - 60_000) } });
    expect(await authenticate({ email: editor.email, password: TEST_PASSWORD }, "10.8.0.1")).not.toBeNull();
  });

  it("one's own successful sign-in does not forgive the address's guesses at other accounts", async () => {
    const guesser = await makeUser("EDITOR");
    const address = "10.7.0.1";
    const { address: key } = signInKeys(null, address);
    const wait = async () => {};
    // Just under the address's limit, made of guesses at many accounts.
    await db.rateLimit.create({ data: { key, count: MAX_ADDRESS_FAILURES - 2, windowStart: new Date() } });
    for (let i = 0; i < 2; i++) {
      expect(await authenticate({ email: guesser.email, password: TEST_PASSWORD }, address)).not.toBeNull();
      expect(await authenticate({ email: `victim-${i}@test.concord`, password: "guess" }, address, { wait })).toBeNull();
    }
    // The address is now locked, for every account, the right password included.
    await expect(authenticate({ email: guesser.email, password: TEST_PASSWORD }, address)).rejects.toBeInstanceOf(RateLimitedError);
    // A successful sign-in forgives its own account's failures.
    const typo = await makeUser("EDITOR");
    for (let i = 0; i < 3; i++) await authenticate({ email: typo.email, password: "typo" }, "10.7.0.2", { wait });
    expect(await authenticate({ email: typo.email, password: TEST_PASSWORD }, "10.7.0.2")).not.toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: signInKeys(typo.email, "10.7.0.2").account! } })).toBeNull();
  });

  it("one person's failures at a shared address do not lock out the others behind it", async () => {
    const careless = await makeUser("EDITOR");
    const colleague = await makeUser("ANALYST");
    const shared = "10.6.0.1";
    const wait = async () => {};
    // 31 failures locked every user behind the address before.
    for (let i = 0; i < 31; i++) await authenticate({ email: careless.email, password: "wrong password" }, shared, { wait }).catch(() => null);
    await expect(authenticate({ email: careless.email, password: TEST_PASSWORD }, shared)).rejects.toBeInstanceOf(RateLimitedError);
    expect(await authenticate({ email: colleague.email, password: TEST_PASSWORD }, shared)).not.toBeNull();
  });

  it("refuses a disabled user even with the right password", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    await updateUser(admin, { userId: editor.id, disabled: true });
    expect(await authenticate({ email: editor.email, password: TEST_PASSWORD }, "10.0.2.1")).toBeNull();
  });
});

describe("users and roles", () => {
  it("refuses a second user with the same email", async () => {
    const editor = await makeUser("EDITOR");
    const admin = await makeUser("ADMIN");
    const { createUser } = await import("@/lib/auth/mutations");
    await expect(createUser(admin, { email: editor.email, role: "ANALYST", password: TEST_PASSWORD })).rejects.toBeInstanceOf(ConflictError);
  });

  it("lets only admins list and change users", async () => {
    const editor = await makeUser("EDITOR");
    await expect(listUsers(editor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateUser(editor, { userId: editor.id, role: "ADMIN" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("rejects a too-short password with a clear message", async () => {
    const editor = await makeUser("EDITOR");
    expect(() => parseInput(updateUserSchema, { userId: editor.id, password: "short" })).toThrow(ValidationError);
  });

  it("ends existing sessions when the role or password changes", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const before = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(await findActorForSession(editor.id, before.sessionVersion)).not.toBeNull();
    await updateUser(admin, { userId: editor.id, role: "ANALYST" });
    expect(await findActorForSession(editor.id, before.sessionVersion)).toBeNull();
    expect((await findActorForSession(editor.id, before.sessionVersion + 1))?.role).toBe("ANALYST");
  });

  it("records user changes in the audit log, which refuses edits", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    await updateUser(admin, { userId: editor.id, role: "ANALYST" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "user.update", targetId: editor.id } });
    expect(entry.actorId).toBe(admin.id);
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("user.update");
  });
});

describe("API tokens", () => {
  it("authenticates the API as the token's owner, with the owner's role", async () => {
    const analyst = await makeUser("ANALYST");
    const token = await makeToken(analyst);
    const response = await callRoute(getMe, { token });
    expect(response.status).toBe(200);
    expect(response.json.user).toMatchObject({ id: analyst.id, role: "ANALYST" });
    const stored = await db.apiToken.findFirstOrThrow({ where: { userId: analyst.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("answers 401 without a token, with an unknown token and with a revoked one", async () => {
    const editor = await makeUser("EDITOR");
    const { token, id } = await createApiToken(editor, editor.id, "script");
    expect((await callRoute(getMe)).status).toBe(401);
    expect((await callRoute(getMe, { token: "cnc_not-a-real-token" })).status).toBe(401);
    await revokeApiToken(editor, id);
    const revoked = await callRoute(getMe, { token });
    expect(revoked.status).toBe(401);
    expect(revoked.json.code).toBe("unauthenticated");
  });

  it("refuses a token prefix that failed too often, while other tokens from the same address go on", async () => {
    const editor = await makeUser("EDITOR");
    const token = await makeToken(editor);
    const { token: revoked, id } = await createApiToken(editor, editor.id, "old script");
    await revokeApiToken(editor, id);
    const shared = { [CLIENT_ADDRESS_HEADER]: "198.51.100.23" };
    const statuses: number[] = [];
    for (let i = 0; i <= MAX_TOKEN_PREFIX_FAILURES; i++) statuses.push((await callRoute(getMe, { token: revoked, headers: shared })).status);
    expect(statuses.slice(0, MAX_TOKEN_PREFIX_FAILURES).every((status) => status === 401)).toBe(true);
    const blocked = await callRoute(getMe, { token: revoked, headers: shared });
    expect(blocked.status).toBe(429);
    expect(blocked.json).toMatchObject({ code: "rate_limited", error: expect.stringMatching(/too many attempts/i) });
    // Before, 50 bad tokens from one address refused every valid token from it.
    expect((await callRoute(getMe, { token, headers: shared })).status).toBe(200);
  });

  it("refuses an address that sent many unknown tokens (guessing), even with a valid one, while others go on", async () => {
    const editor = await makeUser("EDITOR");
    const token = await makeToken(editor);
    const guesser = { [CLIENT_ADDRESS_HEADER]: "198.51.100.24" };
    await db.rateLimit.create({ data: { key: tokenKeys("cnc_", "198.51.100.24").address, count: MAX_TOKEN_ADDRESS_FAILURES - 1, windowStart: new Date() } });
    expect((await callRoute(getMe, { token: "cnc_guess-1", headers: guesser })).status).toBe(401);
    expect((await callRoute(getMe, { token: "cnc_guess-2", headers: guesser })).status).toBe(429);
    expect((await callRoute(getMe, { token, headers: guesser })).status).toBe(429);
    expect((await callRoute(getMe, { token, headers: { [CLIENT_ADDRESS_HEADER]: "198.51.100.25" } })).status).toBe(200);
  });

  it("does not let one user revoke another's token", async () => {
    const owner = await makeUser("EDITOR");
    const other = await makeUser("ADMIN");
    const { id } = await createApiToken(owner, owner.id, "mine");
    await expect(revokeApiToken(other, id)).rejects.toMatchObject({ code: "not_found" });
  });
});
