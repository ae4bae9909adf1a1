import "server-only";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { canManageUsers, type Actor } from "./permissions";
import { hashApiToken, TOKEN_PREFIX } from "./secrets";

export async function listUsers(actor: Actor) {
  if (!canManageUsers(actor)) throw new ForbiddenError("Only an admin can see the users.");
  return db.user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}

export async function listApiTokens(actor: Actor) {
  return db.apiToken.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function countUsers(): Promise<number> {
  return db.user.count();
}

/** The actor a session claims to be, if that user still exists, is enabled, and the session is current. */
export async function findActorForSession(userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true, disabledAt: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

// Writing last-use on every request would turn every read into a write; a minute's precision is enough.
const LAST_USED_PRECISION_MS = 60_000;

export async function findActorForApiToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!record || record.revokedAt || record.user.disabledAt) return null;
  if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  }
  const { id, email, name, role } = record.user;
  return { id, email, name, role };
}
