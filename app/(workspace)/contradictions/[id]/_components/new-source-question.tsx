"use client";

import { ActionOutcome } from "@/components/contradictions/action-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { MAX_RATIONALE } from "@/lib/contradictions/schemas";
import { keepResolutionAction, reopenContradictionAction } from "../actions";

/** "Does the new source change this?": reopen with a reason (the history keeps the resolution), or keep the resolution. */
export function NewSourceQuestion({ id, version, sources }: { id: string; version: number; sources: string[] }) {
  const reopen = useActionForm(reopenContradictionAction);
  const keep = useActionForm(keepResolutionAction);
  return (
    <section className="card cx-form cx-new-source" aria-labelledby="new-source-heading">
      <h2 id="new-source-heading">Does the new source change this?</h2>
      <p>
        After this was settled, {sources.length === 1 ? "a new source states" : "new sources state"}: {sources.join("; ")}. The resolution and its rationale
        above still stand until someone decides.
      </p>
      <form onSubmit={keep.onSubmit} aria-label="Keep the resolution">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor={`keep-${id}`}>Note (optional)</label>
          <textarea id={`keep-${id}`} name="note" maxLength={MAX_RATIONALE} />
        </div>
        <button type="submit" className="button" disabled={keep.pending}>
          {keep.pending ? "Saving…" : "No: keep the resolution"}
        </button>
        <ActionOutcome result={keep.result} />
      </form>
      <form onSubmit={reopen.onSubmit} aria-label="Reopen because of the new source" noValidate>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor={`reopen-new-${id}`}>Why the new source changes it</label>
          <textarea id={`reopen-new-${id}`} name="rationale" required maxLength={MAX_RATIONALE} />
        </div>
        <button type="submit" className="button secondary" disabled={reopen.pending}>
          {reopen.pending ? "Reopening…" : "Yes: reopen"}
        </button>
        <ActionOutcome result={reopen.result} />
      </form>
    </section>
  );
}
