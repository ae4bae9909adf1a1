"use client";

import { ActionOutcome } from "@/components/contradictions/action-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { MAX_RATIONALE } from "@/lib/contradictions/schemas";
import { reopenContradictionAction } from "../actions";

export function ReopenForm({ id, version }: { id: string; version: number }) {
  const { pending, result, onSubmit } = useActionForm(reopenContradictionAction);
  return (
    <form onSubmit={onSubmit} className="card cx-form" aria-label="Reopen the contradiction" noValidate>
      <h2>Reopen</h2>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor={`reopen-${id}`}>Reason for reopening</label>
        <textarea id={`reopen-${id}`} name="rationale" required maxLength={MAX_RATIONALE} />
      </div>
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? "Reopening…" : "Reopen"}
      </button>
      <ActionOutcome result={result} />
    </form>
  );
}
