"use client";

import Link from "next/link";
import { LinkPassage } from "@/components/entities/link-passage";

type Props = { annotationId: string; articleId: string; kind: string; canEdit: boolean };

/**
 * Per-annotation actions contributed by other features: linking the passage to entities
 * and events, and recording the claim of a claim annotation (on its own page, where the
 * claim form has the server data it needs).
 */
export function AnnotationExtraActions({ annotationId, articleId, kind, canEdit }: Props) {
  return (
    <div className="annotation-extra-actions">
      {kind === "claim" ? (
        <p>
          <Link href={`/claims/${annotationId}`}>{canEdit ? "Record or correct the claim of this passage" : "See the claim of this passage"}</Link>
        </p>
      ) : null}
      <LinkPassage annotationId={annotationId} articleId={articleId} />
    </div>
  );
}
