import type { Actor } from "@/lib/auth/permissions";
import { allows, allowsOn } from "@/lib/auth/policy";

/** A stored annotation row or its view. */
type Owned = { authorId: string } | { author: { id: string } };

function authorOf(annotation: Owned): string {
  return "authorId" in annotation ? annotation.authorId : annotation.author.id;
}

export function canCreateAnnotation(actor: Actor | null): actor is Actor {
  return allows(actor, "annotations.create");
}

/** Authors edit and delete their own annotations; an admin may edit or delete any. */
export function canEditAnnotation(actor: Actor | null, annotation: Owned): boolean {
  return allowsOn(actor, "annotations.edit", authorOf(annotation));
}

/** Re-attaching an orphan or confirming a re-anchored passage fixes where it points, not what it says: any editor may. */
export function canMaintainAnchor(actor: Actor | null): actor is Actor {
  return allows(actor, "annotations.maintain-anchor");
}

export function canReviewAnnotations(actor: Actor | null): actor is Actor {
  return allows(actor, "annotations.review");
}

/** Nobody reviews their own annotation. */
export function canReviewAnnotation(actor: Actor | null, annotation: Owned): boolean {
  return allowsOn(actor, "annotations.review", authorOf(annotation));
}

export function canReply(actor: Actor | null): actor is Actor {
  return allows(actor, "annotations.reply");
}

export function canManageAnnotationKinds(actor: Actor | null): actor is Actor {
  return allows(actor, "annotation-kinds.manage");
}
