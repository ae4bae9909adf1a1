import { LocalDate } from "@/components/ui/local-date";
import type { ContradictionView } from "@/lib/contradictions/queries";
import { RESOLUTION_LABELS, STATUS_LABELS, type Resolution } from "@/lib/contradictions/schemas";
import "./contradictions.css";

const ACTION_LABELS: Record<string, string> = {
  detected: "Detected from conflicting claims",
  flagged: "Flagged by hand",
  claims_added: "Further conflicting claims joined",
  claim_changed: "A claim was changed",
  resolved: "Resolved",
  signed_off: "Signed off",
  reopened: "Reopened",
  new_source: "A new conflicting source arrived after the settlement",
  new_source_kept: "The new source does not change the resolution",
};

type Entry = ContradictionView["history"][number];

function whatHappened(entry: Entry, claimLabels: ReadonlyMap<string, string>): string {
  const label = ACTION_LABELS[entry.action] ?? entry.action;
  const detail = (entry.detail ?? {}) as { resolution?: string; acceptedClaimId?: string | null };
  if (entry.action !== "resolved" || !detail.resolution) return label;
  const resolution = RESOLUTION_LABELS[detail.resolution.toUpperCase() as Resolution] ?? detail.resolution;
  const accepted = detail.acceptedClaimId ? claimLabels.get(detail.acceptedClaimId) : undefined;
  return `${label}: ${resolution.toLowerCase()}${accepted ? ` (${accepted})` : ""}`;
}

/** Every step: who, when, what, and why. */
export function ContradictionHistory({ history, claimLabels }: { history: Entry[]; claimLabels: ReadonlyMap<string, string> }) {
  return (
    <ol className="cx-history">
      {history.map((entry) => (
        <li key={entry.id}>
          <strong>{whatHappened(entry, claimLabels)}</strong> by {entry.actor?.name ?? "the system"}, <LocalDate value={entry.createdAt} style="timestamp" />
          {entry.fromStatus !== entry.toStatus ? (
            <span className="muted">
              {" "}
              — {entry.fromStatus ? `${STATUS_LABELS[entry.fromStatus]} → ` : ""}
              {STATUS_LABELS[entry.toStatus]}
            </span>
          ) : null}
          {entry.rationale ? <p className="cx-why">Why: {entry.rationale}</p> : null}
        </li>
      ))}
    </ol>
  );
}
