import type { RoleName } from "./schemas";

/** Who is acting: a signed-in user or an API token's owner. Anonymous readers have no actor. */
export type Actor = { id: string; email: string; name: string; role: RoleName };

export function hasRole(actor: Actor | null, roles: readonly RoleName[]): actor is Actor {
  return actor !== null && roles.includes(actor.role);
}

export function canManageUsers(actor: Actor | null): boolean {
  return hasRole(actor, ["ADMIN"]);
}

/** Any signed-in member may hold personal API tokens, and only their own. */
export function canManageTokens(actor: Actor | null, ownerId: string): boolean {
  return actor !== null && actor.id === ownerId;
}

export function canUseWorkspace(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ANALYST", "ADMIN"]);
}
