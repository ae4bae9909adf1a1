import { hasRole, type Actor } from "@/lib/auth/permissions";

/** A stored annotation row or its view. */
type Owned = { authorId: string } | { author: { id: string } };

function authorOf(annotation: Owned): string {
  return "authorId" in annotation ? annotation.authorId : annotation.author.id;
}

export function canCreateAnnotation(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ADMIN"]);
}

/** Authors edit and delete their own annotations; an admin may edit or delete any. */
export function canEditAnnotation(actor: Actor | null, annotation: Owned): boolean {
  if (!actor) return false;
  return actor.role === "ADMIN" || (actor.role === "EDITOR" && actor.id === authorOf(annotation));
}

/** Confirming that a re-anchored highlight covers the words it was written on changes nothing it says: any editor may. */
export function canMaintainAnchor(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ADMIN"]);
}

/** Re-attaching points the annotation at other words, which changes what it says: the same people as editing it. */
export function canReattachAnnotation(actor: Actor | null, annotation: Owned): boolean {
  return canEditAnnotation(actor, annotation);
}

export function canReviewAnnotations(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["ANALYST"]);
}

/** Nobody reviews their own annotation. */
export function canReviewAnnotation(actor: Actor | null, annotation: Owned): boolean {
  return canReviewAnnotations(actor) && actor.id !== authorOf(annotation);
}

export function canReply(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ANALYST", "ADMIN"]);
}

export function canManageAnnotationKinds(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["ADMIN"]);
}
