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

  it("dates a restated report by the same source's dated report earlier in the story", () => {
    const { mentions } = extract(
      "Anna Berg and Samuel Okoro agreed to meet in Oslo, the Norwegian Foreign Ministry said on Saturday.\n\nAnna Berg and Samuel Okoro agreed during a telephone conversation to keep in touch, the Norwegian Foreign Ministry said.",
    );
    const call = mentions.find((m) => m.kind === "phone_call")!;
    expect(call).toMatchObject({ planned: false, date: { date: "2031-06-07", source: "reported" } });
  });

  it("reads what was agreed in a call ('to hold regular talks') as its outcome, not as the call being announced", () => {
    const [call] = extract("Anna Berg and Samuel Okoro agreed during a telephone conversation on Saturday to hold regular talks.").mentions;
    expect(call).toMatchObject({ kind: "phone_call", planned: false, date: { date: "2031-06-07" } });
  });

  it("reads 'an initial discussion last month' as an earlier call of the same parties, and 'the Berg-Okoro call' as the announced one", () => {
    const { mentions } = extract(
      "Anna Berg is set to speak with Samuel Okoro by phone. The two leaders have spoken several times since an initial discussion last month.\n\nAs the Berg-Okoro call approaches, markets are calm.",
    );
    expect(mentions.map((m) => [m.kind, m.planned, m.date.date, m.date.precision, m.passages.length])).toEqual([
      ["phone_call", true, null, null, 2],
      ["phone_call", false, "2031-05-01", "month", 1],
    ]);
    expect(names(mentions[1])).toEqual(["Anna Berg", "Samuel Okoro"]);
  });

  it("reads 'X told Y in a phone call on Tuesday that …' as their call, whatever was said in it", () => {
    const [call] = extract("Anna Berg told Samuel Okoro in a phone call on Tuesday that Norway would not accept new tariffs, according to a readout.").mentions;
    expect(call).toMatchObject({ kind: "phone_call", date: { date: "2031-06-10" } });
    expect(names(call).sort()).toEqual(["Anna Berg", "Samuel Okoro"]);
  });

  it("counts the speaker of 'said after a two-hour call with Y' among the call's parties", () => {
    const [call] = extract("Anna Berg said after a two-hour call with Samuel Okoro on Tuesday that a ceasefire would start soon.").mentions;
    expect(names(call).sort()).toEqual(["Anna Berg", "Samuel Okoro"]);
  });

  it("gives 'officials from the two countries' no leaders as parties", () => {
    const { mentions } = extract(
      "Anna Berg and Samuel Okoro spoke by phone on Tuesday. The call came after officials from the two countries held talks in Riyadh a day earlier.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, names(m)])).toEqual([
      ["phone_call", "2031-06-10", ["Anna Berg", "Samuel Okoro"]],
      ["talks", "2031-06-09", []],
    ]);
  });

  it("dates the meeting a call 'came a day after' from the call's day", () => {
    const { mentions } = extract(
      "Anna Berg and Samuel Okoro spoke by phone on Tuesday. The call came a day after delegations from the two countries met in Istanbul for talks that lasted less than two hours.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.passages.length])).toEqual([
      ["phone_call", "2031-06-10", 2],
      ["meeting", "2031-06-09", 1],
    ]);
    expect(mentions[1].place?.name).toBe("Istanbul");
  });

  it("dates the call that came 'a day before' from the talks held the day before it", () => {
    const { mentions } = extract("Norwegian and Ghanaian officials held talks in Riyadh on Monday, a day before Anna Berg and Samuel Okoro spoke by phone.");
    expect(mentions.map((m) => [m.kind, m.date.date])).toEqual([
      ["talks", "2031-06-09"],
      ["phone_call", "2031-06-10"],
    ]);
  });

  it("does not take a dateline's day for the day of what the story reports", () => {
    const [call] = extract("OSLO, June 11 (Wire) - Anna Berg and Samuel Okoro spoke by phone for more than two hours on Tuesday.").mentions;
    expect(call.date).toMatchObject({ date: "2031-06-10", text: "on Tuesday" });
  });

  it("reads 'carried out the largest prisoner exchange' with its parties, and gives a clause's date to its own happening only", () => {
    const [exchange] = extract("Ghana and Norway on Friday carried out the largest prisoner exchange of the conflict.").mentions;
    expect(exchange).toMatchObject({ kind: "exchange", date: { date: "2031-06-06" } });
    expect(names(exchange)).toEqual(["Ghana", "Norway"]);
    const { mentions } = extract("Norway and Ghana on Saturday exchanged 390 prisoners each, the first stage of a swap agreed at talks in Istanbul.");
    expect(mentions.filter((m) => m.kind === "talks" && m.date.date === "2031-06-07")).toEqual([]);
  });

  it("proposes the call a meeting came 'two days after', with its own parties and the day counted back", () => {
    const { mentions } = extract(
      "Officials from Norway and Ghana will meet in Geneva on Thursday, two days after a phone call between Anna Berg and Samuel Okoro.",
    );
    expect(mentions.map((m) => [m.kind, m.planned, m.date.date, names(m)])).toEqual([
      ["meeting", true, "2031-06-12", ["Norway", "Ghana"]],
      ["phone_call", false, "2031-06-10", ["Anna Berg", "Samuel Okoro"]],
    ]);
  });

  it("dates an announced call's weekday from the day of the announcement, not from the article's", () => {
    const [call] = extract("Anna Berg and Samuel Okoro will speak by telephone on Tuesday, the Norwegian government said on Monday.").mentions;
    expect(call).toMatchObject({ planned: true, date: { date: "2031-06-10", text: "on Tuesday" } });
  });

  it("reads 'They spoke for nearly three hours' after a meeting as that meeting, not as a call", () => {
    const { mentions, claims } = extract("Yui Tanaka met Anna Berg in Oslo on June 3, her office said.\n\nThey spoke for nearly three hours.");
    expect(mentions.map((m) => [m.kind, m.passages.length])).toEqual([["meeting", 2]]);
    expect(claims.find((c) => c.attribute === "duration")?.value).toEqual({ type: "number", value: 3, unit: "h", qualifier: "nearly" });
  });
});
