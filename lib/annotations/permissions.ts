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

/** Re-attaching an orphan or confirming a re-anchored passage fixes where it points, not what it says: any editor may. */
export function canMaintainAnchor(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ADMIN"]);
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
