import type { Actor } from "@/lib/auth/permissions";
import { allows } from "@/lib/auth/policy";

/** The audit log names who changed what, everywhere: administrators only. */
export function canBrowseAudit(actor: Actor | null): actor is Actor {
  return allows(actor, "audit.browse");
}
