import { describe, expect, it } from "vitest";
import { BRIEFING_STATUSES, type BriefingStatusName } from "@/lib/briefings/schemas";
import { checkBriefingStep, type BriefingStep } from "@/lib/briefings/state-machine";

const allowedFrom = (step: BriefingStep) => BRIEFING_STATUSES.filter((status) => checkBriefingStep(status, step).ok);
const to = (status: BriefingStatusName, step: BriefingStep) => {
  const check = checkBriefingStep(status, step);
  return check.ok ? check.to : check.message;
};

describe("briefing state machine", () => {
  it("walks a draft through review to publication", () => {
    expect(to("DRAFT", "submit")).toBe("IN_REVIEW");
    expect(to("IN_REVIEW", "approve")).toBe("APPROVED");
    expect(to("APPROVED", "publish")).toBe("PUBLISHED");
    expect(to("IN_REVIEW", "return")).toBe("DRAFT");
  });

  it("sends an approved or published briefing back to draft on an edit, and keeps drafts and reviews where they are", () => {
    expect(to("APPROVED", "edit")).toBe("DRAFT");
    expect(to("PUBLISHED", "edit")).toBe("DRAFT");
    expect(to("DRAFT", "edit")).toBe("DRAFT");
    expect(to("IN_REVIEW", "edit")).toBe("IN_REVIEW");
  });

  it("allows each review step from one status only, and says why otherwise", () => {
    expect(allowedFrom("submit")).toEqual(["DRAFT"]);
    expect(allowedFrom("approve")).toEqual(["IN_REVIEW"]);
    expect(allowedFrom("return")).toEqual(["IN_REVIEW"]);
    expect(allowedFrom("publish")).toEqual(["APPROVED"]);
    expect(to("APPROVED", "submit")).toBe("Only a draft can be submitted for review; this briefing is approved.");
    expect(to("DRAFT", "approve")).toBe("Only a briefing in review can be approved or returned; this one is draft.");
  });

  it("makes a retraction final", () => {
    expect(allowedFrom("retract")).toEqual(["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"]);
    for (const step of ["edit", "submit", "approve", "return", "publish", "retract"] as const) expect(checkBriefingStep("RETRACTED", step).ok).toBe(false);
    expect(to("RETRACTED", "publish")).toBe("This briefing was retracted and cannot be published again.");
    expect(to("RETRACTED", "edit")).toBe("This briefing was retracted and can no longer be edited.");
  });
});
