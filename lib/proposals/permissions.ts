import type { Actor } from "@/lib/auth/permissions";
import { allows } from "@/lib/auth/policy";

export function canReadProposals(actor: Actor | null): actor is Actor {
  return allows(actor, "proposals.read");
}

/** Accepting or dismissing a proposal, confirming or dismissing a suggested contradiction. */
export function canDecideProposals(actor: Actor | null): actor is Actor {
  return allows(actor, "proposals.decide");
}
