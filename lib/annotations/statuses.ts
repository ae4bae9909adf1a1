/** Review and anchor states. Pure constants, safe in client bundles (schemas.ts pulls in the rich-text sanitizer). */

export const REVIEW_STATUSES = ["PENDING", "APPROVED", "REJECTED", "CHANGES_REQUESTED"] as const;
export const ANCHOR_STATUSES = ["ANCHORED", "REANCHORED_CHECK", "ORPHANED"] as const;
export type ReviewStatusName = (typeof REVIEW_STATUSES)[number];
export type AnchorStatusName = (typeof ANCHOR_STATUSES)[number];

/** Review decisions (API words) and the status each leads to. */
export const REVIEW_DECISIONS = { approve: "APPROVED", reject: "REJECTED", changes: "CHANGES_REQUESTED" } as const;
export type ReviewDecision = keyof typeof REVIEW_DECISIONS;
