import { canEditAnnotation } from "@/lib/annotations/permissions";
import { hasRole, type Actor } from "@/lib/auth/permissions";

/** Editors and admins write claims, flag contradictions by hand and resolve them. */
export function canEditClaims(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ADMIN"]);
}

/** A claim is what its annotation states: the annotation's author or an admin changes it, as they edit the annotation. */
export function canEditClaim(actor: Actor | null, annotation: { authorId: string }): boolean {
  return canEditClaims(actor) && canEditAnnotation(actor, annotation);
}

export function canFlagContradiction(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ADMIN"]);
}

export function canResolveContradiction(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ADMIN"]);
}

/** Analysts sign off resolutions ... */
export function canSignOffContradictions(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["ANALYST"]);
}

/** ... and never their own. */
export function canSignOffContradiction(actor: Actor | null, contradiction: { resolvedById: string | null }): actor is Actor {
  return canSignOffContradictions(actor) && actor.id !== contradiction.resolvedById;
}

/** Anyone in the workspace may reopen: an analyst who disagrees with a resolution sends it back this way. */
export function canReopenContradiction(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ANALYST", "ADMIN"]);
}

export function canReadContradictions(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ANALYST", "ADMIN"]);
}
