"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

type Outcome = { ok: true; data?: { id: string; contradictionId?: string } } | { ok: false; error: string };

export type CandidateDecisions = {
  confirm: (candidateId: string) => Promise<Outcome>;
  dismiss: (candidateId: string) => Promise<Outcome>;
};

/** Confirm (opens the contradiction with the usual resolution and sign-off) or dismiss (remembered). */
export function CandidateControls({ candidateId, subject, decisions }: { candidateId: string; subject: string; decisions: CandidateDecisions }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  function run(action: () => Promise<Outcome>) {
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : result.error);
      if (result.ok) {
        setOpened(result.data?.contradictionId ?? null);
        router.refresh();
      }
    });
  }
  return (
    <span className="verdicts">
      <button
        type="button"
        className="button"
        disabled={pending}
        aria-label={`Confirm contradiction ${subject}`}
        onClick={() => run(() => decisions.confirm(candidateId))}
      >
        Confirm
      </button>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Dismiss suggestion ${subject}`}
        onClick={() => run(() => decisions.dismiss(candidateId))}
      >
        Dismiss
      </button>
      {opened ? <Link href={`/contradictions/${opened}`}>Open the contradiction</Link> : null}
      {error ? (
        <span role="alert" className="alert error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
