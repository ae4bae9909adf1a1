/**
 * The life of a briefing. Pure: the mutations ask it whether a step is allowed and where it
 * leads, then write (applyTransition in mutations.ts).
 *
 *   DRAFT ──submit──▶ IN_REVIEW ──approve──▶ APPROVED ──publish──▶ PUBLISHED
 *     ▲                  │                      │                     │
 *     ├─────return───────┘                      │                     │
 *     └──────────────────edit───────────────────┴─────────edit────────┘
 *   any status with a published version ──retract──▶ RETRACTED (final)
 *
 * Editing keeps a draft or a briefing in review where it is; an edit after approval or
 * publication needs a new approval. Publishing also needs every blocker cleared (vetting.ts).
 */
import type { BriefingStatusName } from "./schemas";

export type BriefingStep = "edit" | "submit" | "approve" | "return" | "publish" | "retract";

type Transitions = Partial<Record<BriefingStatusName, BriefingStatusName>>;

/** For each step, where it leads from each status it is allowed in. */
export const BRIEFING_TRANSITIONS: Record<BriefingStep, Transitions> = {
  edit: { DRAFT: "DRAFT", IN_REVIEW: "IN_REVIEW", APPROVED: "DRAFT", PUBLISHED: "DRAFT" },
  submit: { DRAFT: "IN_REVIEW" },
  approve: { IN_REVIEW: "APPROVED" },
  return: { IN_REVIEW: "DRAFT" },
  publish: { APPROVED: "PUBLISHED" },
  retract: { DRAFT: "RETRACTED", IN_REVIEW: "RETRACTED", APPROVED: "RETRACTED", PUBLISHED: "RETRACTED" },
};

function describe(status: BriefingStatusName): string {
  return status.toLowerCase().replace("_", " ");
}

/** Why a step is refused in a status it is not allowed in. */
const REFUSALS: Record<BriefingStep, (status: BriefingStatusName) => string> = {
  edit: () => "This briefing was retracted and can no longer be edited.",
  submit: (status) => `Only a draft can be submitted for review; this briefing is ${describe(status)}.`,
  approve: (status) => `Only a briefing in review can be approved or returned; this one is ${describe(status)}.`,
  return: (status) => `Only a briefing in review can be approved or returned; this one is ${describe(status)}.`,
  publish: (status) =>
    status === "RETRACTED"
      ? "This briefing was retracted and cannot be published again."
      : `Only an approved briefing can be published; this one is ${describe(status)}.`,
  retract: () => "This briefing is already retracted.",
};

export type BriefingStepCheck = { ok: true; to: BriefingStatusName } | { ok: false; message: string };

export function checkBriefingStep(status: BriefingStatusName, step: BriefingStep): BriefingStepCheck {
  const to = BRIEFING_TRANSITIONS[step][status];
  return to ? { ok: true, to } : { ok: false, message: REFUSALS[step](status) };
}
