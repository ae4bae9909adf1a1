"use client";

import { useState } from "react";
import { ActionOutcome } from "@/components/contradictions/action-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { MAX_RATIONALE, RESOLUTION_LABELS, RESOLUTIONS, type Resolution } from "@/lib/contradictions/schemas";
import { resolveContradictionAction } from "../actions";

type Choice = { id: string; label: string };

const HINTS: Record<Resolution, string> = {
  ACCEPT_ONE: "The briefing states the accepted value; say why it is right.",
  DISCLOSE: "The briefing keeps both accounts and tells readers the sources disagree.",
  NOT_A_CONTRADICTION: "The passages can both be true; say why.",
};

export function ResolveForm({ id, version, claims, evidence }: { id: string; version: number; claims: Choice[]; evidence: Choice[] }) {
  const { pending, result, onSubmit } = useActionForm(resolveContradictionAction);
  const [resolution, setResolution] = useState<Resolution | "">("");
  const choices = claims.length > 0 ? RESOLUTIONS : RESOLUTIONS.filter((r) => r !== "ACCEPT_ONE");
  return (
    <form onSubmit={onSubmit} className="card cx-form" aria-label="Resolve the contradiction">
      <h2>Resolve</h2>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <fieldset>
        <legend>Resolution</legend>
        {choices.map((r) => (
          <label key={r} className="cx-choice">
            <input type="radio" name="resolution" value={r} required checked={resolution === r} onChange={() => setResolution(r)} />
            <span>
              {RESOLUTION_LABELS[r]} <span className="muted">— {HINTS[r]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {resolution === "ACCEPT_ONE" ? (
        <fieldset>
          <legend>Value to accept</legend>
          {claims.map((claim) => (
            <label key={claim.id} className="cx-choice">
              <input type="radio" name="acceptedClaimId" value={claim.id} required />
              <span>{claim.label}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`rationale-${id}`}>Rationale</label>
        <textarea id={`rationale-${id}`} name="rationale" required maxLength={MAX_RATIONALE} aria-describedby={`rationale-hint-${id}`} />
        <span id={`rationale-hint-${id}`} className="hint">
          Why: it is kept in the history and shown to the analyst who signs off.
        </span>
      </div>
      {evidence.length > 0 ? (
        <fieldset>
          <legend>Evidence (further passages, optional)</legend>
          {evidence.map((passage) => (
            <label key={passage.id} className="cx-choice">
              <input type="checkbox" name="evidence" value={passage.id} />
              <span>{passage.label}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Resolving…" : "Resolve"}
      </button>
      <ActionOutcome result={result} />
    </form>
  );
}
