import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { canManageTokens, canManageUsers, type Actor } from "./permissions";
import { isSystem, type Principal, principalId } from "./principal";
import type { CreateUserInput, UpdateUserInput } from "./schemas";
import { generateApiToken, hashPassword } from "./secrets";

/** Creates a user: an admin, or the system (the command line and first-start bootstrap). */
export async function createUser(principal: Principal, data: CreateUserInput) {
  if (!canManageUsers(principal)) throw new ForbiddenError("Only an admin can add users.");
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email } });
    if (existing) throw new ConflictError(`A user with the email ${data.email} already exists.`);
    const user = await tx.user.create({
      data: { email: data.email, name: data.name ?? data.email.split("@")[0]!, role: data.role, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(tx, { actorId: principalId(principal), action: "user.create", targetType: "User", targetId: user.id, detail: { role: user.role } });
    return user;
  });
}

/**
 * Changes role, password or disabled state; any of them ends the user's sessions. A new
 * password, disabling and re-enabling also revoke the user's API tokens: a token is a standing
 * password, and enabling a user again must not bring back tokens issued before.
 */
export async function updateUser(actor: Actor, data: UpdateUserInput) {
  if (!canManageUsers(actor)) throw new ForbiddenError("Only an admin can change users.");
  if (data.userId === actor.id && ((data.role && data.role !== "ADMIN") || data.disabled)) {
    throw new ValidationError("You cannot remove your own admin role or disable yourself.");
  }
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: data.userId } });
    if (!user) throw new NotFoundError("The user");
    const updated = await tx.user.update({
      where: { id: user.id },
      data: {
        role: data.role,
        passwordHash,
        disabledAt: data.disabled === undefined ? undefined : data.disabled ? new Date() : null,
        sessionVersion: { increment: 1 },
      },
      select: { id: true, email: true, name: true, role: true, disabledAt: true },
    });
    const revokesTokens = Boolean(passwordHash) || data.disabled !== undefined;
    const { count: tokensRevoked } = revokesTokens
      ? await tx.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } })
      : { count: 0 };
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.update",
      targetType: "User",
      targetId: user.id,
      detail: { role: data.role ?? null, passwordChanged: Boolean(passwordHash), disabled: data.disabled ?? null, tokensRevoked },
    });
    return { ...updated, tokensRevoked };
  });
}

/** Ends every session of the user (sign-out): a copied session cookie stops working at once. */
export async function endSessions(userId: string, sessionVersion: number): Promise<void> {
  // Only a current session may end the others; an old cookie replayed at sign-out changes nothing.
  await db.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}

/**
 * Creates a personal API token for `userId`; the token text is returned once and never stored.
 * The system (the command line) issues tokens for anyone; the token's holder is then its creator.
 */
export async function createApiToken(principal: Principal, userId: string, name: string) {
  if (!canManageTokens(principal, userId)) throw new ForbiddenError("You can only create tokens for yourself.");
  const { token, hash, prefix } = generateApiToken();
  const record = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId, name, tokenHash: hash, prefix },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await recordAudit(tx, { actorId: isSystem(principal) ? userId : principal.id, action: "token.create", targetType: "ApiToken", targetId: created.id });
    return created;
  });
  return { ...record, token };
}

export async function revokeApiToken(actor: Actor, tokenId: string) {
  const token = await db.apiToken.findUnique({ where: { id: tokenId } });
  if (!token || !canManageTokens(actor, token.userId)) throw new NotFoundError("The token");
  if (token.revokedAt) return token;
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.id, action: "token.revoke", targetType: "ApiToken", targetId: tokenId });
    return revoked;
  });
}

/** Records that a token was used just now (checkApiToken says when that is due). */
export async function noteApiTokenUse(tokenId: string): Promise<void> {
  await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } });
}
