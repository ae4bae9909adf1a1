"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/api/action";
import { DecisionError } from "./use-decision";

type Props = { action: () => Promise<ActionResult<unknown>>; confirmText: string; redirectTo: string; label: string };

/** Deletes after the user confirms, then leaves the deleted record's page; a refusal is shown in place. */
export function ConfirmDeleteButton({ action, confirmText, redirectTo, label }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <p>
      <button
        type="button"
        className="button danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(confirmText)) return;
          startTransition(async () => {
            const result = await action();
            if (result.ok) router.push(redirectTo);
            else setError(result.error);
          });
        }}
      >
        {label}
      </button>
      <DecisionError error={error} />
    </p>
  );
}
