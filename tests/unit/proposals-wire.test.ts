import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { buildRegistry } from "@/lib/proposals/names";
import type { ArticleExtraction, EventMention } from "@/lib/proposals/types";
import { PROPOSAL_REGISTRY } from "../support/proposal-fixtures";

// Made-up wire copy in the phrasing agencies use for calls, talks and exchanges. 2031-06-11 is a Wednesday.
const PUBLISHED = "2031-06-11";
const registry = buildRegistry(PROPOSAL_REGISTRY);

const extract = (text: string): ArticleExtraction => extractArticle({ id: "w1", text, publishedAt: PUBLISHED, outlet: "Wire" }, registry);
const names = (m: EventMention) => m.participants.map((p) => p.name);

describe("wire copy: what happened, who took part and when", () => {
  it("reads 'exchanged 1,000 prisoners each on Friday' as one exchange on Friday, the count per side", () => {
    const { mentions, claims } = extract("Norway and Ghana exchanged 1,000 prisoners each on Friday, the largest swap since the fighting began.");
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ kind: "exchange", date: { date: "2031-06-06", precision: "day" } });
    expect(names(mentions[0])).toEqual(["Norway", "Ghana"]);
    expect(claims.find((c) => c.attribute === "prisoners")?.value).toEqual({ type: "number", value: 1000, qualifier: "exact", per: "side" });
  });

  it("keeps the subject of 'held a two-hour phone conversation with' among the parties", () => {
    const [call] = extract("Anna Berg held a two-hour phone conversation with Samuel Okoro late on Monday, her spokesman said.").mentions;
    expect(call).toMatchObject({ kind: "phone_call", date: { date: "2031-06-09" } });
    expect(names(call).sort()).toEqual(["Anna Berg", "Samuel Okoro"]);
  });

  it("reads 'spoke for more than an hour by phone', and its appositive 'their second conversation in a month' as the same call", () => {
    const { mentions, claims } = extract("Anna Berg and Samuel Okoro spoke for more than an hour by phone on Tuesday, their second conversation in a month.");
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ kind: "phone_call", date: { date: "2031-06-10", precision: "day" } });
    expect(claims.filter((c) => c.attribute === "date").map((c) => c.value)).toEqual([{ type: "date", localDate: "2031-06-10", precision: "day" }]);
    expect(claims.find((c) => c.attribute === "duration")?.value).toEqual({ type: "number", value: 1, unit: "h", qualifier: "more_than" });
  });

  it("reads two parties who 'last spoke on May 19' as a conversation between them on that day", () => {
    const [call] = extract("Samuel Okoro and Anna Berg last spoke on May 19, when they discussed a ceasefire for more than two hours.").mentions;
    expect(call).toMatchObject({ kind: "phone_call", date: { date: "2031-05-19", precision: "day" } });
    expect(names(call)).toEqual(["Samuel Okoro", "Anna Berg"]);
  });

  it("dates 'the day after the talks' from the talks the article dated, and proposes the talks once", () => {
    const { mentions } = extract(
      "Delegations from Norway and Ghana met in Istanbul on May 16 for their first direct talks in three years. The talks lasted less than two hours.\n\nThe day after the talks, the two countries exchanged 390 prisoners each.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date])).toEqual([
      ["meeting", "2031-05-16"],
      ["exchange", "2031-05-17"],
    ]);
    expect(mentions[1].date.note).toBe("counted from the talks (2031-05-16)");
  });

  it("does not date a happening by the report of it when the report says it had happened before", () => {
    const { mentions } = extract("Anna Berg said on Wednesday she had spoken with Samuel Okoro, two days after the leaders met in Geneva.");
    expect(mentions.map((m) => [m.kind, m.date.date])).toEqual([["phone_call", null]]);
  });
});
