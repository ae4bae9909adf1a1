import { hasRole, type Actor } from "@/lib/auth/permissions";

/** The audit log names who changed what, everywhere: administrators only. */
export function canBrowseAudit(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["ADMIN"]);
}
