"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/** What a one-click decision's server action answers (an ActionResult, whatever its data). */
export type DecisionOutcome = { ok: true; message?: string } | { ok: false; error: string };

/** Runs one decision (accept, dismiss…) and refreshes the page when it succeeds, keeping its error to show. */
export function useDecision() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run<T extends DecisionOutcome>(action: () => Promise<T>, onDone?: (result: Extract<T, { ok: true }>) => void) {
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : result.error);
      if (result.ok) {
        onDone?.(result as Extract<T, { ok: true }>);
        router.refresh();
      }
    });
  }
  return { pending, error, run };
}

export function DecisionError({ error }: { error: string | null }) {
  return error ? (
    <span role="alert" className="alert error">
      {error}
    </span>
  ) : null;
}
