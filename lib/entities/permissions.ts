import { hasRole, type Actor } from "@/lib/auth/permissions";
import type { RoleName } from "@/lib/auth/schemas";

/** Editors and admins change the registry; analysts read it. */
export const ENTITY_WRITE_ROLES: readonly RoleName[] = ["EDITOR", "ADMIN"];
export const ENTITY_READ_ROLES: readonly RoleName[] = ["EDITOR", "ANALYST", "ADMIN"];

export function canReadEntities(actor: Actor | null): actor is Actor {
  return hasRole(actor, ENTITY_READ_ROLES);
}

export function canEditEntities(actor: Actor | null): actor is Actor {
  return hasRole(actor, ENTITY_WRITE_ROLES);
}

/** Linking a passage to an entity or event is an edit of the registry's links. */
export function canLinkPassages(actor: Actor | null): actor is Actor {
  return hasRole(actor, ENTITY_WRITE_ROLES);
}
