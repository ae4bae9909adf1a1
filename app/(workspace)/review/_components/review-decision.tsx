"use client";

import { useId, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { REVIEW_STATUS_LABELS } from "@/components/annotations/labels";
import { reviewAnnotationAction } from "../actions";

const DECISIONS = [
  { decision: "approve", label: "Approve", className: "button" },
  { decision: "changes", label: "Request changes", className: "button secondary" },
  { decision: "reject", label: "Reject", className: "button danger" },
] as const;

/** Approve, reject or request changes on one queued annotation, with an optional comment. */
export function ReviewDecision({ annotationId, version, quote }: { annotationId: string; version: number; quote: string }) {
  const commentId = useId();
  const [comment, setComment] = useState("");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  function decide(decision: (typeof DECISIONS)[number]["decision"]) {
    startTransition(async () => {
      const outcome = await reviewAnnotationAction({ annotationId, decision, comment: comment || undefined, version });
      setResult(outcome.ok ? { ok: true, text: `Saved: ${REVIEW_STATUS_LABELS[outcome.data.status]}.` } : { ok: false, text: outcome.error });
    });
  }

  return (
    <div className="review-decision" role="group" aria-label={`Review “${quote.slice(0, 60)}”`}>
      <div className="field">
        <label htmlFor={commentId}>Review comment (optional)</label>
        <textarea id={commentId} rows={2} value={comment} onChange={(event) => setComment(event.target.value)} />
      </div>
      <div className="inline-form">
        {DECISIONS.map(({ decision, label, className }) => (
          <button key={decision} type="button" className={className} disabled={pending} onClick={() => decide(decision)}>{label}</button>
        ))}
      </div>
      {result ? <Alert kind={result.ok ? "success" : "error"}>{result.text}</Alert> : null}
    </div>
  );
}
