import { hasRole, type Actor } from "@/lib/auth/permissions";
import type { RoleName } from "@/lib/auth/schemas";

export const EVENT_WRITE_ROLES: readonly RoleName[] = ["EDITOR", "ADMIN"];
export const EVENT_READ_ROLES: readonly RoleName[] = ["EDITOR", "ANALYST", "ADMIN"];

export function canReadEvents(actor: Actor | null): actor is Actor {
  return hasRole(actor, EVENT_READ_ROLES);
}

export function canEditEvents(actor: Actor | null): actor is Actor {
  return hasRole(actor, EVENT_WRITE_ROLES);
}
