import { allows, allowsOn } from "./policy";
import type { RoleName } from "./schemas";

/** Who is acting: a signed-in user or an API token's owner. Anonymous readers have no actor. */
export type Actor = { id: string; email: string; name: string; role: RoleName };

export function canManageUsers(actor: Actor | null): boolean {
  return allows(actor, "users.manage");
}

/** Any signed-in member may hold personal API tokens, and only their own. */
export function canManageTokens(actor: Actor | null, ownerId: string): boolean {
  return allowsOn(actor, "tokens.manage", ownerId);
}

export function canUseWorkspace(actor: Actor | null): actor is Actor {
  return allows(actor, "workspace.use");
}
