/**
 * The life of a contradiction. Pure: the mutations ask it whether a step is allowed and
 * where it leads, then write.
 *
 *   OPEN ──resolve──▶ AWAITING_SIGNOFF ──sign off (an analyst, not the resolver)──▶ RESOLVED | DISCLOSED | DISMISSED
 *     ▲                      │                                                            │
 *     └───────reopen─────────┴────────────────────────reopen──────────────────────────────┘
 */
import { STATUS_LABELS, type ContradictionStatus, type Resolution } from "./schemas";

/** Where a signed-off resolution leads. */
export const SIGNED_OFF_STATUS: Record<Resolution, ContradictionStatus> = {
  ACCEPT_ONE: "RESOLVED",
  DISCLOSE: "DISCLOSED",
  NOT_A_CONTRADICTION: "DISMISSED",
};

export type ContradictionStep = { action: "resolve" } | { action: "sign_off" } | { action: "reopen" };

export interface StepState {
  status: ContradictionStatus;
  resolution: Resolution | null;
  resolvedById: string | null;
}

export type StepCheck =
  | { ok: true; to: ContradictionStatus }
  /** wrong_state: the contradiction moved on (409); own_resolution: the resolver may not sign off (403). */
  | { ok: false; reason: "wrong_state" | "own_resolution"; message: string };

export function checkStep(state: StepState, step: ContradictionStep, actorId: string): StepCheck {
  const now = STATUS_LABELS[state.status].toLowerCase();
  switch (step.action) {
    case "resolve":
      return state.status === "OPEN" ? { ok: true, to: "AWAITING_SIGNOFF" } : refuse(`Only an open contradiction can be resolved; this one is ${now}.`);
    case "sign_off":
      if (state.status !== "AWAITING_SIGNOFF" || !state.resolution)
        return refuse(`Only a resolution awaiting sign-off can be signed off; this contradiction is ${now}.`);
      if (state.resolvedById === actorId)
        return { ok: false, reason: "own_resolution", message: "You resolved this contradiction: another analyst must sign it off." };
      return { ok: true, to: SIGNED_OFF_STATUS[state.resolution] };
    case "reopen":
      return state.status === "OPEN" ? refuse("This contradiction is already open.") : { ok: true, to: "OPEN" };
  }
}

function refuse(message: string): StepCheck {
  return { ok: false, reason: "wrong_state", message };
}
