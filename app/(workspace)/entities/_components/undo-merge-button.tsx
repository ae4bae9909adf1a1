"use client";

import { DecisionError, useDecision } from "@/components/ui/use-decision";
import { undoMergeAction } from "../[id]/actions";

export function UndoMergeButton({ mergeId, description }: { mergeId: string; description: string }) {
  const { pending, error, run } = useDecision();
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Undo merge: ${description}`}
        onClick={() => run(() => undoMergeAction(mergeId))}
      >
        {pending ? "Undoing…" : "Undo"}
      </button>
      <DecisionError error={error} />
    </>
  );
}
