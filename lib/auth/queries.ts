import "server-only";
import { db, Prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { canManageUsers, type Actor } from "./permissions";
import { attemptsInWindow } from "./rate-limit";
import type { RoleName } from "./schemas";
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

export type ApiTokenCheck = {
  /** The token's owner, or null for an unknown, revoked or malformed token or a disabled owner. */
  actor: Actor | null;
  /** Failures counted in the window against each of the keys asked about, in their order. */
  failures: number[];
  /** The token's id when its last use should be recorded (noteApiTokenUse). */
  staleTokenId: string | null;
};

/**
 * Everything an API request's token is checked against, read in one query (it runs on every API
 * request): the token and its owner, and the failures counted against the rate-limit keys.
 */
export async function checkApiToken(token: string, limit: { keys: string[]; windowMs: number }): Promise<ApiTokenCheck> {
  const hash = token.startsWith(TOKEN_PREFIX) ? hashApiToken(token) : null;
  const failures = limit.keys.map((key) => attemptsInWindow(key, limit.windowMs));
  const [row] = await db.$queryRaw<
    { failures: number[]; tokenId: string | null; lastUsedAt: Date | null; userId: string | null; email: string; name: string; role: RoleName }[]
  >`
    SELECT ARRAY[${Prisma.join(failures)}]::int[] AS "failures",
           t."id" AS "tokenId", t."lastUsedAt", u."id" AS "userId", u."email", u."name", u."role"::text AS "role"
    FROM (SELECT 1) AS one
    LEFT JOIN ("ApiToken" t JOIN "User" u ON u."id" = t."userId" AND u."disabledAt" IS NULL)
      ON t."tokenHash" = ${hash} AND t."revokedAt" IS NULL`;
  const counts = limit.keys.map((_, i) => row?.failures[i] ?? 0);
  if (!row?.tokenId || !row.userId) return { actor: null, failures: counts, staleTokenId: null };
  const stale = !row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS;
  return { actor: { id: row.userId, email: row.email, name: row.name, role: row.role }, failures: counts, staleTokenId: stale ? row.tokenId : null };
}
