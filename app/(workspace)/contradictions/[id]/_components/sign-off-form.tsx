"use client";

import { ActionOutcome } from "@/components/contradictions/action-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { MAX_RATIONALE } from "@/lib/contradictions/schemas";
import { signOffContradictionAction } from "../actions";

export function SignOffForm({ id, version }: { id: string; version: number }) {
  const { pending, result, onSubmit } = useActionForm(signOffContradictionAction);
  return (
    <form onSubmit={onSubmit} className="card cx-form" aria-label="Sign off the resolution">
      <h2>Sign off</h2>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor={`signoff-${id}`}>Sign-off comment (optional)</label>
        <textarea id={`signoff-${id}`} name="comment" maxLength={MAX_RATIONALE} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing off…" : "Sign off"}
      </button>
      <p className="muted">If you disagree with the resolution, reopen it below with your reason instead.</p>
      <ActionOutcome result={result} />
    </form>
  );
}
