import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { buildRegistry } from "@/lib/proposals/names";
import { propose, proposeAround } from "@/lib/proposals/propose";
import type { ClaimProposal, KnownClaim, KnownEvent, ProposalArticle } from "@/lib/proposals/types";
import { PROPOSAL_REGISTRY } from "../support/proposal-fixtures";

let n = 0;
const article = (text: string, outlet: string, publishedAt = "2031-06-11"): ProposalArticle => ({ id: `c${++n}`, text, publishedAt, outlet });
const claimsOf = (claims: ClaimProposal[], attribute: string) => claims.filter((c) => c.attribute === attribute).map((c) => c.value);
/** A meeting already recorded, a day before the one the test articles report. */
const bergOkoroMeeting: KnownEvent = {
  id: "ev-1",
  type: "MEETING",
  title: "Berg–Okoro meeting",
  date: { localDate: "2031-06-18", precision: "day", timeZone: null },
  participantIds: ["p-berg", "p-okoro"],
  placeId: "v-geneva",
};

describe("claim proposals", () => {
  it("reads date and time with its zone, duration as a range in hours, and who initiated the call", () => {
    const text =
      "Anna Berg and Samuel Okoro spoke by phone on Monday at 10:00 GMT. The call, held at the initiative of the Norwegian side, lasted more than two hours.";
    const { claims } = propose({ articles: [article(text, "Wire")], registry: PROPOSAL_REGISTRY });
    expect(claimsOf(claims, "date")).toEqual([{ type: "date", localDate: "2031-06-09T10:00", precision: "minute", timeZone: "UTC" }]);
    expect(claimsOf(claims, "duration")).toEqual([{ type: "number", value: 2, unit: "h", qualifier: "more_than" }]);
    expect(claimsOf(claims, "initiator")).toEqual([{ type: "entities", ids: ["c-norway"] }]);
    expect(claimsOf(claims, "participants")).toEqual([{ type: "entities", ids: ["p-berg", "p-okoro"] }]);
  });

  it("reads 'for about 90 minutes' as about 1.5 h, not as a time of day", () => {
    const { claims } = propose({
      articles: [article("Anna Berg met Samuel Okoro in Geneva on June 3 for about 90 minutes.", "Wire")],
      registry: PROPOSAL_REGISTRY,
    });
    expect(claimsOf(claims, "duration")).toEqual([{ type: "number", value: 1.5, unit: "h", qualifier: "about" }]);
    expect(claimsOf(claims, "date")).toEqual([{ type: "date", localDate: "2031-06-03", precision: "day" }]);
    expect(claimsOf(claims, "place")).toEqual([{ type: "entities", ids: ["v-geneva"] }]);
  });

  it("reads counts per side", () => {
    const { claims } = propose({
      articles: [article("On June 4, Norway and Ghana exchanged 1,000 prisoners from each side.", "Wire")],
      registry: PROPOSAL_REGISTRY,
    });
    expect(claimsOf(claims, "prisoners")).toEqual([{ type: "number", value: 1000, qualifier: "exact", per: "side" }]);
  });

  it("reads quoted statements with their speaker", () => {
    const text = "Anna Berg and Samuel Okoro spoke by phone on Monday. “This was a frank exchange,” Okoro said after the call.";
    const statement = propose({ articles: [article(text, "Wire")], registry: PROPOSAL_REGISTRY }).claims.find((c) => c.attribute === "statement");
    expect(statement).toMatchObject({
      value: { type: "text", text: "This was a frank exchange" },
      speaker: { name: "Samuel Okoro", entityId: "p-okoro" },
      label: "“This was a frank exchange”",
    });
  });

  it("cites each claim's passage, so accepting creates the annotation and the claim together", () => {
    const text = "Anna Berg and Samuel Okoro spoke by phone on Monday. The call lasted nearly three hours.";
    const { claims } = propose({ articles: [article(text, "Wire")], registry: PROPOSAL_REGISTRY });
    const duration = claims.find((c) => c.attribute === "duration")!;
    expect(duration).toMatchObject({ value: { value: 3, qualifier: "nearly", unit: "h" }, label: "nearly 3 h", quote: "The call lasted nearly three hours." });
    expect(duration.annotation.selector[1]).toEqual({ type: "TextPositionSelector", start: 53, end: text.length });
  });
});

describe("contradiction candidates", () => {
  const twoReports = (a: string, b: string) =>
    propose({ articles: [article(a, "Morning Wire", "2031-06-20"), article(b, "Evening Post", "2031-06-20")], registry: PROPOSAL_REGISTRY });

  it("flags conflicting dates from two outlets, saying why", () => {
    const { contradictions } = twoReports("Anna Berg met Samuel Okoro in Geneva on June 18.", "Anna Berg met Samuel Okoro in Geneva on June 19.");
    expect(contradictions.map((c) => c.reason)).toEqual(["date: 18 June 2031 vs 19 June 2031"]);
    expect(contradictions[0]).toMatchObject({ attribute: "date", a: { outlet: "Morning Wire" }, b: { outlet: "Evening Post" } });
  });

  it("does not flag compatible durations, and flags incompatible ones", () => {
    const compatible = twoReports(
      "Anna Berg and Samuel Okoro spoke by phone on June 18. The call lasted about three hours.",
      "Anna Berg and Samuel Okoro spoke by phone on June 18. The call lasted more than two hours.",
    );
    expect(compatible.contradictions).toEqual([]);
    const conflicting = twoReports(
      "Anna Berg and Samuel Okoro spoke by phone on June 18. The call lasted about three hours.",
      "Anna Berg and Samuel Okoro spoke by phone on June 18. The call lasted about 90 minutes.",
    );
    expect(conflicting.contradictions.map((c) => c.reason)).toEqual(["duration: about 3 h vs about 1.5 h"]);
  });

  it("does not flag a city and the country a text puts it in, nor a minister and 'the side' of their country", () => {
    const places = twoReports(
      "On June 18, delegations from Norway and Ghana met in Accra, Ghana.",
      "On June 18, delegations from Norway and Ghana met in Ghana.",
    );
    expect(places.contradictions).toEqual([]);
    const initiators = twoReports(
      "On June 18, Norwegian Prime Minister Anna Berg called Samuel Okoro.",
      "Anna Berg and Samuel Okoro spoke by phone on June 18. The call took place at the initiative of the Norwegian side.",
    );
    expect(initiators.contradictions).toEqual([]);
  });

  it("does not compare two reports of one outlet", () => {
    const { contradictions } = propose({
      articles: [
        article("Anna Berg met Samuel Okoro in Geneva on June 18.", "Wire", "2031-06-20"),
        article("Anna Berg met Samuel Okoro in Geneva on June 19.", "Wire", "2031-06-20"),
      ],
      registry: PROPOSAL_REGISTRY,
    });
    expect(contradictions).toEqual([]);
  });

  it("compares proposed claims with accepted ones of an existing event", () => {
    const { contradictions } = propose({
      articles: [article("Anna Berg met Samuel Okoro in Geneva on June 19.", "Evening Post", "2031-06-20")],
      registry: PROPOSAL_REGISTRY,
      knownEvents: [bergOkoroMeeting],
      knownClaims: [
        {
          id: "claim-1",
          eventId: "ev-1",
          attribute: "date",
          value: { type: "date", localDate: "2031-06-18", precision: "day" },
          articleId: "old",
          outlet: "Morning Wire",
          quote: "They met on June 18.",
        },
      ],
    });
    expect(contradictions).toEqual([
      expect.objectContaining({
        eventId: "ev-1",
        reason: "date: 19 June 2031 vs 18 June 2031",
        b: expect.objectContaining({ claimKey: "claim-1", accepted: true }),
      }),
    ]);
  });

  it("around an article, asks for the accepted claims of the events its groups hold, then compares with those", () => {
    const registry = buildRegistry(PROPOSAL_REGISTRY);
    const extraction = extractArticle(article("Anna Berg met Samuel Okoro in Geneva on June 19.", "Evening Post", "2031-06-20"), registry);
    const call: KnownEvent = { ...bergOkoroMeeting, id: "ev-2", type: "PHONE_CALL", title: "Berg–Okoro call", placeId: null };
    const accepted = (id: string, eventId: string): KnownClaim => ({
      id,
      eventId,
      attribute: "date",
      value: { type: "date", localDate: "2031-06-18", precision: "day" },
      articleId: "old",
      outlet: "Morning Wire",
      quote: "They met on June 18.",
    });
    const asked = proposeAround([extraction], registry, [bergOkoroMeeting, call], null, [extraction.articleId], undefined);
    expect(asked).toEqual({ claimsOf: ["ev-1"], passagesOf: [], reach: expect.anything() });
    const { contradictions } = proposeAround(
      [extraction],
      registry,
      [bergOkoroMeeting, call],
      [accepted("claim-1", "ev-1"), accepted("claim-2", "ev-2")],
      [extraction.articleId],
    );
    expect(contradictions).toEqual([expect.objectContaining({ eventId: "ev-1", b: expect.objectContaining({ claimKey: "claim-1", accepted: true }) })]);
  });
});
