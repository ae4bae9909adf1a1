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
