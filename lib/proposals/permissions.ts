import { hasRole, type Actor } from "@/lib/auth/permissions";
import type { RoleName } from "@/lib/auth/schemas";

export const PROPOSAL_WRITE_ROLES: readonly RoleName[] = ["EDITOR", "ADMIN"];
export const PROPOSAL_READ_ROLES: readonly RoleName[] = ["EDITOR", "ANALYST", "ADMIN"];

export function canReadProposals(actor: Actor | null): actor is Actor {
  return hasRole(actor, PROPOSAL_READ_ROLES);
}

/** Accepting or dismissing a proposal, confirming or dismissing a suggested contradiction. */
export function canDecideProposals(actor: Actor | null): actor is Actor {
  return hasRole(actor, PROPOSAL_WRITE_ROLES);
}
