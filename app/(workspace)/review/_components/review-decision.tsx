"use client";

import { useState, useTransition } from "react";
import { REVIEW_STATUS_LABELS } from "@/components/annotations/labels";
import { ReviewFields } from "@/components/annotations/review-fields";
import { Alert } from "@/components/ui/alert";
import type { ReviewDecision as Decision } from "@/lib/annotations/statuses";
import { reviewAnnotationAction } from "../actions";

/** Approve, reject or request changes on one queued annotation, with an optional comment. */
export function ReviewDecision({ annotationId, version, quote }: { annotationId: string; version: number; quote: string }) {
  const [comment, setComment] = useState("");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  function decide(decision: Decision) {
    startTransition(async () => {
      const outcome = await reviewAnnotationAction({ annotationId, decision, comment: comment || undefined, version });
      setResult(outcome.ok ? { ok: true, text: `Saved: ${REVIEW_STATUS_LABELS[outcome.data.status]}.` } : { ok: false, text: outcome.error });
    });
  }

  return (
    <div className="review-decision" role="group" aria-label={`Review “${quote.slice(0, 60)}”`}>
      <ReviewFields comment={comment} onCommentChange={setComment} busy={pending} onDecide={decide} />
      {result ? <Alert kind={result.ok ? "success" : "error"}>{result.text}</Alert> : null}
    </div>
  );
}
