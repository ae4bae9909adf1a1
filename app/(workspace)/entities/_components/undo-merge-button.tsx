"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { undoMergeAction } from "../[id]/actions";

export function UndoMergeButton({ mergeId, description }: { mergeId: string; description: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Undo merge: ${description}`}
        onClick={() =>
          startTransition(async () => {
            const result = await undoMergeAction(mergeId);
            setError(result.ok ? null : result.error);
            if (result.ok) router.refresh();
          })
        }
      >
        {pending ? "Undoing…" : "Undo"}
      </button>
      {error ? (
        <span role="alert" className="alert error">
          {error}
        </span>
      ) : null}
    </>
  );
}
