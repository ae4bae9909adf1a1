import type { AnchorStatusName, ReviewStatusName } from "@/lib/annotations/statuses";

export const REVIEW_STATUS_LABELS: Record<ReviewStatusName, string> = {
  PENDING: "Awaiting review",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  CHANGES_REQUESTED: "Changes requested",
};

export const ANCHOR_STATUS_LABELS: Record<AnchorStatusName, string> = {
  ANCHORED: "Anchored",
  REANCHORED_CHECK: "Re-anchored, check",
  ORPHANED: "Orphaned",
};

export function kindLabel(kinds: readonly { key: string; label: string }[], key: string): string {
  return kinds.find((kind) => kind.key === key)?.label ?? key;
}
