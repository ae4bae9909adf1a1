"use client";

import Link from "next/link";
import { useState } from "react";
import { DecisionError, useDecision } from "@/components/ui/use-decision";

type Outcome = { ok: true; data?: { id: string; contradictionId?: string } } | { ok: false; error: string };

export type CandidateDecisions = {
  confirm: (candidateId: string) => Promise<Outcome>;
  dismiss: (candidateId: string) => Promise<Outcome>;
};

/** Confirm (opens the contradiction with the usual resolution and sign-off) or dismiss (remembered). */
export function CandidateControls({ candidateId, subject, decisions }: { candidateId: string; subject: string; decisions: CandidateDecisions }) {
  const { pending, error, run } = useDecision();
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <span className="verdicts">
      <button
        type="button"
        className="button"
        disabled={pending}
        aria-label={`Confirm contradiction ${subject}`}
        onClick={() =>
          run(
            () => decisions.confirm(candidateId),
            (result) => setOpened(result.data?.contradictionId ?? null),
          )
        }
      >
        Confirm
      </button>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Dismiss suggestion ${subject}`}
        onClick={() =>
          run(
            () => decisions.dismiss(candidateId),
            () => setOpened(null),
          )
        }
      >
        Dismiss
      </button>
      {opened ? <Link href={`/contradictions/${opened}`}>Open the contradiction</Link> : null}
      <DecisionError error={error} />
    </span>
  );
}
