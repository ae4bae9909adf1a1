import type { Actor } from "./permissions";

/**
 * Work done for nobody signed in: the command line, first-start seeding and the demo loader. It
 * may do only what the policy table grants it (`system: true`); anonymous readers are `null`.
 */
export type SystemPrincipal = { readonly kind: "system" };

export const SYSTEM: SystemPrincipal = Object.freeze({ kind: "system" });

/** Whoever a write is done for: a member, or the system itself. */
export type Principal = Actor | SystemPrincipal;

export function isSystem(principal: Principal): principal is SystemPrincipal {
  return "kind" in principal && principal.kind === "system";
}

/** The user a write is recorded against; the system is nobody. */
export function principalId(principal: Principal): string | null {
  return isSystem(principal) ? null : principal.id;
}
