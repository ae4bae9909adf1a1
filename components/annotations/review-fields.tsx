"use client";

import { useId } from "react";
import type { ReviewDecision } from "@/lib/annotations/statuses";

const DECISIONS: { decision: ReviewDecision; label: string; className: string }[] = [
  { decision: "approve", label: "Approve", className: "button" },
  { decision: "changes", label: "Request changes", className: "button secondary" },
  { decision: "reject", label: "Reject", className: "button danger" },
];

type Props = { comment: string; onCommentChange: (comment: string) => void; busy: boolean; onDecide: (decision: ReviewDecision) => void };

/** The optional review comment and the three decisions, for the review queue and the annotation panel alike. */
export function ReviewFields({ comment, onCommentChange, busy, onDecide }: Props) {
  const commentId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={commentId}>Review comment (optional)</label>
        <textarea id={commentId} rows={2} value={comment} onChange={(event) => onCommentChange(event.target.value)} />
      </div>
      <div className="inline-form">
        {DECISIONS.map(({ decision, label, className }) => (
          <button key={decision} type="button" className={className} disabled={busy} onClick={() => onDecide(decision)}>
            {label}
          </button>
        ))}
      </div>
    </>
  );
}
