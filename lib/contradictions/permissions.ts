import type { Actor } from "@/lib/auth/permissions";
import { allows, allowsOn } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";

/** Editors and admins write claims, flag contradictions by hand and resolve them. */
export function canEditClaims(actor: Actor | null): actor is Actor {
  return allows(actor, "claims.edit");
}

/** A claim is what its annotation states: the annotation's author or an admin records or changes it. */
export function canEditClaim(actor: Actor | null, annotation: { authorId: string }): boolean {
  return allowsOn(actor, "claims.edit", annotation.authorId);
}

export function canFlagContradiction(actor: Actor | null): actor is Actor {
  return allows(actor, "contradictions.flag");
}

export function canResolveContradiction(actor: Actor | null): actor is Actor {
  return allows(actor, "contradictions.resolve");
}

/** Analysts sign off resolutions ... */
export function canSignOffContradictions(actor: Actor | null): actor is Actor {
  return allows(actor, "contradictions.sign-off");
}

/** ... and never their own. */
export function canSignOffContradiction(actor: Actor | null, contradiction: { resolvedById: string | null }): actor is Actor {
  return allowsOn(actor, "contradictions.sign-off", contradiction.resolvedById);
}

/** Anyone in the workspace may reopen: an analyst who disagrees with a resolution sends it back this way. */
export function canReopenContradiction(actor: Actor | null): actor is Actor {
  return allows(actor, "contradictions.reopen");
}

export function canReadContradictions(actor: Actor | null): actor is Actor {
  return allows(actor, "contradictions.read");
}

export function assertCanReadContradictions(actor: Actor | null): asserts actor is Actor {
  if (!canReadContradictions(actor)) throw new ForbiddenError("Sign in to read contradictions.");
}
