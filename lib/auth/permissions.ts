import { allows, allowsOn } from "./policy";
import type { Principal } from "./principal";
import type { RoleName } from "./schemas";

/** Who is acting: a signed-in user or an API token's owner. Anonymous readers have no actor. */
export type Actor = { id: string; email: string; name: string; role: RoleName };

export function canManageUsers(principal: Principal | null): boolean {
  return allows(principal, "users.manage");
}

/** Any signed-in member may hold personal API tokens, and only their own. */
export function canManageTokens(principal: Principal | null, ownerId: string): boolean {
  return allowsOn(principal, "tokens.manage", ownerId);
}

export function canUseWorkspace(actor: Actor | null): actor is Actor {
  return allows(actor, "workspace.use");
}
