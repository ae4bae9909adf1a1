import { describe, expect, it } from "vitest";
import { CONTRADICTION_STATUSES, type ContradictionStatus, type Resolution } from "@/lib/contradictions/schemas";
import { checkStep, type ContradictionStep } from "@/lib/contradictions/state-machine";

const state = (status: ContradictionStatus, resolution: Resolution | null = null, resolvedById: string | null = null) => ({ status, resolution, resolvedById });
const resolve: ContradictionStep = { action: "resolve" };
const signOff: ContradictionStep = { action: "sign_off" };
const reopen: ContradictionStep = { action: "reopen" };

describe("contradiction state machine", () => {
  it("resolves only an open contradiction, into awaiting sign-off", () => {
    expect(checkStep(state("OPEN"), resolve, "editor")).toEqual({ ok: true, to: "AWAITING_SIGNOFF" });
    for (const status of CONTRADICTION_STATUSES.filter((s) => s !== "OPEN")) {
      expect(checkStep(state(status, "DISCLOSE", "editor"), resolve, "editor")).toMatchObject({ ok: false, reason: "wrong_state" });
    }
  });

  it("signs off into the status the resolution leads to", () => {
    expect(checkStep(state("AWAITING_SIGNOFF", "ACCEPT_ONE", "editor"), signOff, "analyst")).toEqual({ ok: true, to: "RESOLVED" });
    expect(checkStep(state("AWAITING_SIGNOFF", "DISCLOSE", "editor"), signOff, "analyst")).toEqual({ ok: true, to: "DISCLOSED" });
    expect(checkStep(state("AWAITING_SIGNOFF", "NOT_A_CONTRADICTION", "editor"), signOff, "analyst")).toEqual({ ok: true, to: "DISMISSED" });
  });

  it("refuses a sign-off by the resolver, and one of anything not awaiting sign-off", () => {
    expect(checkStep(state("AWAITING_SIGNOFF", "DISCLOSE", "same"), signOff, "same")).toEqual({
      ok: false,
      reason: "own_resolution",
      message: "You resolved this contradiction: another analyst must sign it off.",
    });
    const open = checkStep(state("OPEN"), signOff, "analyst");
    expect(open).toMatchObject({ ok: false, reason: "wrong_state" });
    expect(open.ok ? "" : open.message).toBe("Only a resolution awaiting sign-off can be signed off; this contradiction is open.");
    expect(checkStep(state("RESOLVED", "ACCEPT_ONE", "editor"), signOff, "analyst")).toMatchObject({ ok: false, reason: "wrong_state" });
  });

  it("reopens from every state but open", () => {
    for (const status of CONTRADICTION_STATUSES) {
      const result = checkStep(state(status, status === "OPEN" ? null : "DISCLOSE", "editor"), reopen, "anyone");
      expect(result).toEqual(
        status === "OPEN" ? { ok: false, reason: "wrong_state", message: "This contradiction is already open." } : { ok: true, to: "OPEN" },
      );
    }
  });
});
