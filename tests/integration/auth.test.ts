import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/me/route";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { createApiToken, revokeApiToken, updateUser } from "@/lib/auth/mutations";
import { findActorForSession, listUsers } from "@/lib/auth/queries";
import { authenticate } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
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

  it("slows down repeated failures from one address, then refuses them", async () => {
    const editor = await makeUser("EDITOR");
    const delays: number[] = [];
    const wait = async (ms: number) => void delays.push(ms);
    const attempt = () => authenticate({ email: editor.email, password: "wrong password" }, "10.9.9.9", { wait });
    for (let i = 0; i < 30; i++) expect(await attempt()).toBeNull();
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(delays[5]).toBeGreaterThan(0);
    expect(delays[12]).toBeGreaterThan(delays[5]!);
    await expect(attempt()).rejects.toThrow(/Too many attempts/);
    // Another address is not affected.
    expect(await authenticate({ email: editor.email, password: TEST_PASSWORD }, "10.9.9.10")).not.toBeNull();
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
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    await expect(updateUser(admin, { userId: editor.id, password: "short" })).rejects.toThrow(ValidationError);
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
    expect(revoked.json.error).toMatch(/sign in/i);
  });

  it("refuses an address that sent too many unknown tokens, even with a valid one, while others go on", async () => {
    const editor = await makeUser("EDITOR");
    const token = await makeToken(editor);
    const guesser = { [CLIENT_ADDRESS_HEADER]: "198.51.100.23" };
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) statuses.push((await callRoute(getMe, { token: `cnc_guess${i}`, headers: guesser })).status);
    expect(statuses.slice(0, 50).every((status) => status === 401)).toBe(true);
    expect(statuses[50]).toBe(429);
    const blocked = await callRoute(getMe, { token, headers: guesser });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error).toMatch(/too many attempts/i);
    expect((await callRoute(getMe, { token, headers: { "x-forwarded-for": "203.0.113.7" } })).status).toBe(200);
  });

  it("does not let one user revoke another's token", async () => {
    const owner = await makeUser("EDITOR");
    const other = await makeUser("ADMIN");
    const { id } = await createApiToken(owner, owner.id, "mine");
    await expect(revokeApiToken(other, id)).rejects.toThrow(/not found/);
  });
});
