import { describe, expect, it } from "vitest";
import { verifySelectors } from "@/lib/annotations/anchor";
import { extractArticle } from "@/lib/proposals/extract-events";
import { buildRegistry } from "@/lib/proposals/names";
import type { EventMention } from "@/lib/proposals/types";
import { PROPOSAL_REGISTRY } from "../support/proposal-fixtures";

// 2031-06-11 is a Wednesday.
const PUBLISHED = "2031-06-11";

function mentionsOf(text: string, options: { publishedAt?: string | null; registry?: boolean } = {}): EventMention[] {
  const article = { id: "a1", text, publishedAt: options.publishedAt === undefined ? PUBLISHED : options.publishedAt, outlet: "Test Wire" };
  return extractArticle(article, options.registry ? buildRegistry(PROPOSAL_REGISTRY) : null).mentions;
}

const names = (m: EventMention) => m.participants.map((p) => p.name);

describe("extractArticle: happenings, participants, places and dates", () => {
  it("reads a reported phone call with its parties and its weekday counted back from the publication date", () => {
    const [call] = mentionsOf("Norwegian Prime Minister Anna Berg spoke by phone with President Samuel Okoro of Ghana on Monday, officials said.");
    expect(call).toMatchObject({ kind: "phone_call", planned: false, date: { date: "2031-06-09", precision: "day", text: "on Monday", source: "stated" } });
    expect(names(call)).toEqual(["Anna Berg", "Samuel Okoro"]);
    expect(call.participants.map((p) => p.affiliation)).toEqual(["norway", "ghana"]);
  });

  it("reads an announced call as planned, with the next such weekday", () => {
    const [call] = mentionsOf("Anna Berg will speak with Samuel Okoro by phone on Friday.");
    expect(call).toMatchObject({ kind: "phone_call", planned: true, date: { date: "2031-06-13" } });
  });

  it("links participants and places to registry entities, by any alias", () => {
    const [meeting] = mentionsOf("Berg met Okoro in Geneva on June 3 to discuss fishing rights.", { registry: true });
    expect(meeting).toMatchObject({ kind: "meeting", place: { name: "Geneva", entityId: "v-geneva" }, date: { date: "2031-06-03" } });
    expect(meeting.participants.map((p) => p.entityId)).toEqual(["p-berg", "p-okoro"]);
  });

  it("makes 'separate calls to X and Y' two calls", () => {
    const calls = mentionsOf("The news came after Anna Berg made separate phone calls to Samuel Okoro and Yui Tanaka on Tuesday.");
    expect(calls.map(names)).toEqual([
      ["Anna Berg", "Samuel Okoro"],
      ["Anna Berg", "Yui Tanaka"],
    ]);
    expect(calls.every((c) => c.date.date === "2031-06-10")).toBe(true);
  });

  it("joins an article's later sentences about the same happening into one mention", () => {
    const [call, ...rest] = mentionsOf(
      "Anna Berg and Samuel Okoro spoke by phone on Monday. The call lasted more than two hours. “It was a frank exchange,” Berg said after the conversation.",
    );
    expect(rest).toEqual([]);
    expect(call.passages).toHaveLength(3);
  });

  it("keeps sources out of the participants", () => {
    const [call] = mentionsOf("Spokesman Lars Dahl said Anna Berg and Samuel Okoro spoke by phone on Tuesday.");
    expect(names(call)).toEqual(["Anna Berg", "Samuel Okoro"]);
  });

  it("proposes nothing for hypothetical, denied or generic happenings", () => {
    expect(mentionsOf("Analysts say Berg and Okoro could meet later this year.")).toEqual([]);
    expect(mentionsOf("There is no date yet for a meeting between Anna Berg and Samuel Okoro.")).toEqual([]);
    expect(mentionsOf("Ghana hopes all parties will engage in the peace talks process at an appropriate time.")).toEqual([]);
  });

  it("reads a place written as 'city, country' as the city inside the country", () => {
    const [meeting] = mentionsOf("On June 2, delegations from Norway and Ghana met in Accra, Ghana, agreeing to continue the talks.");
    expect(meeting.place).toMatchObject({ name: "Accra", within: "ghana" });
    expect(names(meeting)).toEqual(["Norway", "Ghana"]);
  });

  it("counts 'the previous day' from the date the sentence gave, never from the publication date", () => {
    const mentions = mentionsOf("On June 5, Anna Berg called Samuel Okoro to discuss the talks held the previous day in Geneva.");
    expect(mentions.map((m) => [m.kind, m.date.date])).toEqual([
      ["phone_call", "2031-06-05"],
      ["talks", "2031-06-04"],
    ]);
  });

  it("leaves a date counted from another happening open, naming the happening, until that happening's date is known", () => {
    const [call] = mentionsOf("Anna Berg spoke by phone with Samuel Okoro the day after the Geneva talks.");
    expect(call.date).toMatchObject({ date: null, relativeTo: { happening: { text: "the Geneva talks" }, amount: 1 } });
    expect(call.date.note).toBe("counted from “the Geneva talks”, whose date the text does not give");
  });

  it("says why a mention has no date when the article has none", () => {
    const [call] = mentionsOf("Anna Berg and Samuel Okoro spoke by phone on Saturday.", { publishedAt: null });
    expect(call.date).toMatchObject({ date: null, text: "on Saturday", note: "relative date cannot be resolved: the article has no publication date" });
    const [undated] = mentionsOf("Anna Berg and Samuel Okoro spoke by phone.", { publishedAt: null });
    expect(undated.date).toMatchObject({ date: null, text: null, note: "the article has no date and the text gives none for it" });
  });

  it("cites every passage with W3C selectors that anchor to the text", () => {
    const text = "Officials met early.\n\nAnna Berg and Samuel Okoro spoke by phone on Monday. The call lasted about 90 minutes.";
    const extraction = extractArticle({ id: "a1", text, publishedAt: PUBLISHED, outlet: null }, null);
    const [mention] = extraction.mentions;
    for (const passage of mention.passages) {
      const [quote, position] = extraction.targets[`${passage.start}:${passage.end}`].selector;
      expect(verifySelectors(text, quote, position)).toEqual({ ok: true });
    }
    expect(extraction.targets[`${mention.passages[0].start}:${mention.passages[0].end}`].selector[0].exact).toBe(
      "Anna Berg and Samuel Okoro spoke by phone on Monday.",
    );
  });
});
