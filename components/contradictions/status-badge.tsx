import { STATUS_LABELS, toApiName, type ContradictionStatus } from "@/lib/contradictions/schemas";
import "./contradictions.css";

const ICONS: Record<ContradictionStatus, string> = {
  OPEN: "⚠",
  AWAITING_SIGNOFF: "⏳",
  RESOLVED: "✓",
  DISCLOSED: "⇄",
  DISMISSED: "–",
};

/** The status in words with an icon: colour only repeats what the text says. */
export function ContradictionStatusBadge({ status }: { status: ContradictionStatus }) {
  return (
    <span className={`cx-status cx-status-${toApiName(status)}`}>
      <span aria-hidden="true">{ICONS[status]}</span>
      {STATUS_LABELS[status]}
    </span>
  );
}
