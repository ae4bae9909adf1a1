import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { proposeFromExtractions } from "@/lib/proposals/propose";
import type { ArticleExtraction, EventMention } from "@/lib/proposals/types";

// Made-up wire copy about made-up people, read without a registry as a new story's names are. 2031-06-11 is a Wednesday.
const PUBLISHED = "2031-06-11";

const extract = (text: string, id = "r7"): ArticleExtraction => extractArticle({ id, text, publishedAt: PUBLISHED, outlet: "Wire" }, null);
const names = (m: EventMention) => m.participants.map((p) => p.name);

describe("wire copy, seventh round", () => {
  it("makes an unnamed counterpart a party of its own: the other country's holder of the role", () => {
    const [talks] = extract("Foreign Minister Ingrid Solberg met her Chilean counterpart in Oslo on Monday.").mentions;
    expect(talks.participants).toHaveLength(2);
    expect(names(talks)[0]).toBe("Ingrid Solberg");
    expect(talks.participants[1]).toMatchObject({ level: "person", affiliation: "chile" });
  });

  it("groups a report naming the counterpart with one that does not, and keeps another country's minister apart", () => {
    const events = proposeFromExtractions(
      [
        "Foreign Minister Ingrid Solberg met her Chilean counterpart in Oslo on Monday.",
        "Norwegian Foreign Minister Ingrid Solberg met Chilean Foreign Minister Tomás Irarrázaval in Oslo on Monday.",
        "Norwegian Foreign Minister Ingrid Solberg met Danish Foreign Minister Karen Holm in Oslo on Monday.",
      ].map((text, i) => extract(text, `o${i}`)),
      null,
      [],
      [],
    ).events;
    expect(events.map((e) => e.mentions.map((m) => m.articleId).sort()).sort()).toEqual([["o0", "o1"], ["o2"]]);
  });

  it("groups a foreign ministers' counterpart report with one naming that country's foreign minister, not its president", () => {
    const events = proposeFromExtractions(
      [
        "Foreign Minister Lena Varga met her Peruvian counterpart in Budapest on Monday.",
        "Hungarian Foreign Minister Lena Varga met Peruvian President Mateo Quispe in Budapest on Monday.",
        "Hungarian Foreign Minister Lena Varga met Peruvian Foreign Minister Rosa Huamán in Budapest on Monday.",
      ].map((text, i) => extract(text, `p${i}`)),
      null,
      [],
      [],
    ).events;
    expect(events.map((e) => e.mentions.map((m) => m.articleId).sort()).sort()).toEqual([["p0", "p2"], ["p1"]]);
  });

  it("keeps a foreign ministers' counterpart report apart from a same-day meeting with that country's president", () => {
    const events = proposeFromExtractions(
      [
        "Foreign Minister Lena Varga met her Peruvian counterpart in Budapest on Monday.",
        "Hungarian Foreign Minister Lena Varga met Peruvian President Mateo Quispe in Budapest on Monday.",
      ].map((text, i) => extract(text, `q${i}`)),
      null,
      [],
      [],
    ).events;
    expect(events.map((e) => e.mentions.map((m) => m.articleId))).toHaveLength(2);
  });

  it("groups a counterpart report with one naming that country's foreign secretary or a person whose role it does not say, and a secretary of state's with a foreign minister", () => {
    const group = (other: string) =>
      proposeFromExtractions(
        ["Foreign Minister Lena Varga met her Peruvian counterpart in Budapest on Monday.", other].map((text, i) => extract(text, `r${i}`)),
        null,
        [],
        [],
      ).events.map((e) => e.mentions.map((m) => m.articleId).sort());
    expect(group("Hungarian Foreign Minister Lena Varga met Peruvian Foreign Secretary Rosa Huamán in Budapest on Monday.")).toEqual([["r0", "r1"]]);
    expect(group("Hungarian Foreign Minister Lena Varga met Rosa Huamán of Peru in Budapest on Monday.")).toEqual([["r0", "r1"]]);
    const states = proposeFromExtractions(
      [
        "Secretary of State Dana Whitlock met her Peruvian counterpart in Lima on Monday.",
        "U.S. Secretary of State Dana Whitlock met Peruvian Foreign Minister Rosa Huamán in Lima on Monday.",
      ].map((text, i) => extract(text, `s${i}`)),
      null,
      [],
      [],
    ).events;
    expect(states.map((e) => e.mentions.map((m) => m.articleId).sort())).toEqual([["s0", "s1"]]);
  });

  it("reads a city that is also a given name as the place, not a person", () => {
    const [talks] = extract("Peruvian and Bolivian negotiators held talks in Santiago on Tuesday.").mentions;
    expect(talks.place?.name).toBe("Santiago");
    expect(names(talks)).toEqual(["Peru", "Bolivia"]);
    const [visit] = extract("Prime Minister Aroha Ngata arrived in Victoria on Monday for a two-day visit.").mentions;
    expect(names(visit)).toEqual(["Aroha Ngata"]);
    expect(visit.place?.name).toBe("Victoria");
  });

  it("reads a surname alone opening the lead as a person, named in full when the article names them so later", () => {
    const [meeting] = extract(
      "Okafor met Lindqvist in Accra on Monday, the first such meeting in a decade. Chidi Okafor, Nigeria's foreign minister, told reporters that Eva Lindqvist had accepted an invitation to Abuja.",
    ).mentions;
    expect(meeting).toMatchObject({ kind: "meeting", place: { name: "Accra" }, date: { date: "2031-06-09" } });
    expect(names(meeting)).toEqual(["Chidi Okafor", "Eva Lindqvist"]);
    const [brief] = extract("Okafor met Lindqvist in Accra on Monday to discuss cocoa exports, officials said.").mentions;
    expect(names(brief)).toEqual(["Okafor", "Lindqvist"]);
  });

  it("names both armed sides of 'the army and the paramilitary X (ABC)'", () => {
    const [talks] = extract("Chad's army and the paramilitary Desert Shield Brigades (DSB) held talks in N'Djamena on Sunday, mediators said.").mentions;
    expect(names(talks)).toEqual(["Chad's army", "Desert Shield Brigades"]);
    const [meeting] = extract("The envoy met the paramilitary Desert Shield Brigades (DSB) and Chad's army in Abéché on Monday.").mentions;
    expect(names(meeting)).toEqual(["Desert Shield Brigades", "Chad's army"]);
  });

  it("proposes the talks that led to an agreement", () => {
    const talks = extract("Ghana and Togo signed the border accord on Tuesday after talks that lasted nine hours in Lomé.").mentions.find(
      (m) => m.kind === "talks",
    );
    expect(talks && names(talks)).toEqual(["Ghana", "Togo"]);
    expect(talks?.place?.name).toBe("Lomé");
  });

  it("reads 'also met Y' on a trip as a meeting with Y", () => {
    const mentions = extract("Chancellor Hedda Voss visited Lisbon on Monday. During the trip she also met Portuguese opposition leader Rui Falcão.").mentions;
    expect(mentions.map((m) => [m.kind, names(m), m.place?.name, m.date.date])).toEqual([
      ["visit", ["Hedda Voss"], "Lisbon", "2031-06-09"],
      ["meeting", ["Hedda Voss", "Rui Falcão"], "Lisbon", "2031-06-09"],
    ]);
    const [, sameSentence] = extract("Chancellor Hedda Voss visited Lisbon on Monday and also met Portuguese opposition leader Rui Falcão.").mentions;
    expect(sameSentence && [sameSentence.kind, names(sameSentence)]).toEqual(["meeting", ["Hedda Voss", "Rui Falcão"]]);
  });

  it("keeps the parties named after a date", () => {
    const [talks] = extract("Officials said talks in Jakarta on Saturday, June 7 between Finland and Kenya ended without a deal.").mentions;
    expect(talks).toMatchObject({ kind: "talks", place: { name: "Jakarta" } });
    expect(names(talks)).toEqual(["Finland", "Kenya"]);
  });

  it("reads the parties of 'sat down with Y on the sidelines of a summit'", () => {
    const [meeting] = extract(
      "Canadian Prime Minister Colette Brassard sat down with Indian Prime Minister Arjun Mehra on the sidelines of the summit in Nairobi on Monday.",
    ).mentions;
    expect(names(meeting)).toEqual(["Colette Brassard", "Arjun Mehra"]);
    // "sat" of "sat down" is no Saturday.
    expect(meeting).toMatchObject({ kind: "meeting", place: { name: "Nairobi" }, date: { date: "2031-06-09" } });
  });
});
