import { describe, expect, it } from "vitest";
import { propose } from "@/lib/proposals/propose";
import type { ClaimProposal, ProposalArticle } from "@/lib/proposals/types";
import { PROPOSAL_REGISTRY } from "../support/proposal-fixtures";

let n = 0;
const article = (text: string, outlet = "Wire", publishedAt = "2031-06-11"): ProposalArticle => ({ id: `r${++n}`, text, publishedAt, outlet });
const claimsOf = (text: string, attribute: string): ClaimProposal[] =>
  propose({ articles: [article(text)], registry: PROPOSAL_REGISTRY }).claims.filter((c) => c.attribute === attribute);

describe("claim proposals, second round", () => {
  it("reads a short quote in single curly quotes as the speaker's statement", () => {
    const text = "Anna Berg met Samuel Okoro in Geneva on Monday. Berg called the meeting ‘positive,’ adding that more talks would follow.";
    expect(claimsOf(text, "statement")).toMatchObject([{ value: { type: "text", text: "positive" }, speaker: { name: "Anna Berg" } }]);
  });

  it("does not take an apostrophe or a quote nobody is said to have said for a statement", () => {
    const text = "Anna Berg met Samuel Okoro in Geneva on Monday. The ‘peace roadmap’ of the ’90s was not on Okoro’s agenda.";
    expect(claimsOf(text, "statement")).toEqual([]);
  });
});

describe("dates counted from another happening", () => {
  it("claims 'the day after the Geneva talks' as the day after the date the article gives those talks, even a sentence later", () => {
    const text =
      "Anna Berg spoke by phone with Yui Tanaka the day after the Geneva talks, discussing fishing quotas. The talks in Geneva had taken place on June 3. The call lasted less than an hour.";
    const dates = propose({ articles: [article(text)], registry: PROPOSAL_REGISTRY }).claims.filter((c) => c.attribute === "date");
    expect(dates.map((c) => [c.value, c.quote.slice(0, 14)])).toEqual(
      expect.arrayContaining([
        [{ type: "date", localDate: "2031-06-04", precision: "day" }, "Anna Berg spok"],
        [{ type: "date", localDate: "2031-06-03", precision: "day" }, "The talks in G"],
      ]),
    );
  });

  it("claims no date when the article does not date the happening it counts from", () => {
    const text = "Anna Berg spoke by phone with Yui Tanaka the day after the Geneva talks, discussing fishing quotas. The call lasted less than an hour.";
    expect(claimsOf(text, "date")).toEqual([]);
  });
});

describe("quotes of a party's spokesperson", () => {
  it("claims a spokesperson's words about the happening with the spokesperson's name", () => {
    const text =
      "Anna Berg and Samuel Okoro spoke by phone on Monday. Ministry spokeswoman Lena Dahl said the dialogue “is being prepared carefully” by both governments.";
    expect(claimsOf(text, "statement")).toMatchObject([
      { value: { type: "text", text: "is being prepared carefully" }, speaker: { name: "Lena Dahl", entityId: null } },
    ]);
  });

  it("keeps an analyst's quote after the happening out", () => {
    const text =
      "Anna Berg and Samuel Okoro spoke by phone on Monday. Analyst Tom Reed of the Baltic Institute said the call “changes very little” for the region.";
    expect(claimsOf(text, "statement")).toEqual([]);
  });
});

describe("quotes before an announced happening", () => {
  it("claims a spokesperson's words right after the announcement, but not a party's own view of the wider story", () => {
    const spokesperson =
      "Anna Berg and Samuel Okoro will speak by phone on Friday, officials said. Norwegian press secretary Lena Dahl said, “everything is being prepared,” but gave no details.";
    expect(claimsOf(spokesperson, "statement")).toMatchObject([{ value: { text: "everything is being prepared" }, speaker: { name: "Lena Dahl" } }]);
    const party =
      "Anna Berg and Samuel Okoro will speak by phone on Friday, officials said. Berg said, “our fishing fleets need certainty,” before leaving Oslo.";
    expect(claimsOf(party, "statement")).toEqual([]);
  });
});

describe("figures from two sources in one article", () => {
  const text =
    "Anna Berg and Samuel Okoro spoke by phone on Monday. The call lasted about 90 minutes, the Norwegian foreign ministry said. Ghanaian state media said it lasted more than two hours.";

  it("claims each attributed figure with its source", () => {
    expect(claimsOf(text, "duration").map((c) => [c.label, c.speaker?.name])).toEqual([
      ["about 1.5 h", "Norwegian foreign ministry"],
      ["more than 2 h", "Ghanaian state media"],
    ]);
  });

  it("leaves the conflict inside one article to its reader: a candidate needs two outlets", () => {
    expect(propose({ articles: [article(text)], registry: PROPOSAL_REGISTRY }).contradictions).toEqual([]);
    const other = article("Anna Berg and Samuel Okoro spoke by phone on Monday. The call lasted about 30 minutes.", "Evening Post");
    const { contradictions } = propose({ articles: [article(text, "Morning Wire"), other], registry: PROPOSAL_REGISTRY });
    expect(contradictions.map((c) => c.reason).sort()).toEqual(["duration: about 1.5 h vs about 0.5 h", "duration: more than 2 h vs about 0.5 h"].sort());
  });
});
