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

/** Confirming that a re-anchored highlight covers the words it was written on changes nothing it says: any editor may. */
export function canMaintainAnchor(actor: Actor | null): actor is Actor {
  return allows(actor, "annotations.maintain-anchor");
}

/** Re-attaching points the annotation at other words, which changes what it says: the same people as editing it. */
export function canReattachAnnotation(actor: Actor | null, annotation: Owned): boolean {
  return allowsOn(actor, "annotations.reattach", authorOf(annotation));
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
