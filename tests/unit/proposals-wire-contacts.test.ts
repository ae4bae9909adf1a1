import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import type { ArticleExtraction, EventMention } from "@/lib/proposals/types";

// Made-up agency copy about diplomatic contacts, read without a registry: every name is found in the text. 2031-06-11 is a Wednesday.
const extract = (text: string): ArticleExtraction => extractArticle({ id: "c1", text, publishedAt: "2031-06-11", outlet: "Wire" }, null);
const names = (m: EventMention) => m.participants.map((p) => p.name).sort();

describe("wire copy about diplomatic contacts", () => {
  it("counts 'his Danish counterpart Y' among the parties, and reads a portfolio as a role ('Trade Minister')", () => {
    const [call] = extract("Norway's Foreign Minister Lars Dahl spoke with his Danish counterpart Mette Holm on Friday.").mentions;
    expect(call).toMatchObject({ kind: "phone_call", date: { date: "2031-06-06" } });
    expect(names(call)).toEqual(["Lars Dahl", "Mette Holm"]);
    const [talks] = extract(
      "Indonesian Trade Minister Rudi Hartono and his Australian counterpart Claire Whitfield held talks in Jakarta on Tuesday on a free trade pact.",
    ).mentions;
    expect(talks).toMatchObject({ kind: "talks", place: { name: "Jakarta" }, date: { date: "2031-06-10" } });
    expect(names(talks)).toEqual(["Claire Whitfield", "Rudi Hartono"]);
  });

  it("takes the subject of 'paid a state visit', 'resumed talks', 'wrapped up two days of trade talks' and 'signed a trade agreement' as the parties", () => {
    const parties = (text: string) => extract(text).mentions.map((m) => [m.kind, names(m)]);
    expect(parties("South African President Thabo Nkosi paid a state visit to Nigeria on Thursday.")).toEqual([["visit", ["Thabo Nkosi"]]]);
    expect(parties("Officials from Serbia and Kosovo resumed talks in Brussels on Monday.")).toEqual([["talks", ["Kosovo", "Serbia"]]]);
    expect(parties("Trade Representative Mark Ellison and Vice Premier Zhou Ming wrapped up two days of trade talks in Geneva on Sunday.")).toEqual([
      ["talks", ["Mark Ellison", "Zhou Ming"]],
    ]);
    expect(parties("The leaders of Chile and Peru signed a trade agreement in Lima on Friday after two days of talks.")).toEqual([
      ["agreement", ["Chile", "Peru"]],
    ]);
  });

  it("reads bare 'discussions' as a happening: held by the parties named, or the meeting the article just reported", () => {
    const [talks] = extract("Vietnam and the Philippines held discussions in Hanoi on Tuesday on maritime disputes.").mentions;
    expect(talks).toMatchObject({ kind: "talks", place: { name: "Hanoi" }, date: { date: "2031-06-10" } });
    expect(names(talks)).toEqual(["Philippines", "Vietnam"]);
    const { mentions, claims } = extract(
      "Egyptian Foreign Minister Omar Farid and Ethiopian Foreign Minister Dawit Alemu met in Addis Ababa on Sunday. The discussions lasted four hours, an Egyptian official said.",
    );
    expect(mentions.map((m) => [m.kind, m.passages.length])).toEqual([["meeting", 2]]);
    expect(claims.find((c) => c.attribute === "duration")?.value).toEqual({ type: "number", value: 4, unit: "h", qualifier: "exact" });
    expect(extract("Farid and Alemu met in Addis Ababa on Sunday. Officials said the discussions were at an early stage.").mentions[0].passages).toHaveLength(
      1,
    );
  });

  it("gives 'the two leaders' and 'the two countries' the two parties named just before, when no happening of theirs was", () => {
    const [call] = extract(
      "Kenyan President Daniel Mwangi and Tanzanian President Grace Mollel have clashed for months over a border crossing. The two leaders spoke by phone on Tuesday.",
    ).mentions;
    expect(call).toMatchObject({ kind: "phone_call", date: { date: "2031-06-10" } });
    expect(names(call)).toEqual(["Daniel Mwangi", "Grace Mollel"]);
    const [talks] = extract(
      "Relations between Peru and Bolivia have been strained. On Monday the two countries held talks in La Paz on water rights.",
    ).mentions;
    expect(names(talks)).toEqual(["Bolivia", "Peru"]);
  });

  it("joins 'visited X and met Y' into one visit with both, and 'The two leaders held talks' after it to that visit (not 'agreed to reopen talks')", () => {
    const { mentions, claims } = extract(
      "Hungarian Prime Minister Gabor Kiss visited Vienna on Monday and met Austrian Chancellor Lukas Weber. The two leaders held talks on migration for three hours.",
    );
    expect(mentions.map((m) => [m.kind, names(m), m.place?.name, m.date.date, m.passages.length])).toEqual([
      ["visit", ["Gabor Kiss", "Lukas Weber"], "Vienna", "2031-06-09", 2],
    ]);
    expect(claims.find((c) => c.attribute === "duration")?.value).toMatchObject({ value: 3, unit: "h" });
    const [visit] = extract("German Chancellor Felix Braun arrived in Warsaw on Monday for talks with Polish Prime Minister Tomasz Nowak.").mentions;
    expect(names(visit)).toEqual(["Felix Braun", "Tomasz Nowak"]);
    // What they agreed to do is no part of it.
    const summit = extract(
      "Turkish President Kemal Arslan and Greek Prime Minister Nikos Petrou held a summit in Ankara on Tuesday. The two leaders agreed to reopen talks on maritime borders.",
    ).mentions;
    expect(summit.map((m) => [m.kind, m.passages.length])).toEqual([["meeting", 1]]);
  });

  it("places a meeting 'in Nairobi' after a long object ('the delegation of X led by Y'), and cites those words, not the dateline", () => {
    const { mentions, claims } = extract(
      "NAIROBI (Wire) — Kenyan President Daniel Mwangi met with the delegation of the European Union led by Commissioner Petra Lindqvist in Nairobi on Monday to discuss debt relief.",
    );
    expect(mentions.map((m) => [m.kind, m.place?.name, m.date.date, names(m)])).toEqual([
      ["meeting", "Nairobi", "2031-06-09", ["Daniel Mwangi", "Petra Lindqvist"]],
    ]);
    expect(claims.find((c) => c.attribute === "place")?.value).toEqual({ type: "text", text: "Nairobi" });
    const [meeting] = extract(
      "Pakistani Prime Minister Imran Qadir met with a visiting delegation of senior lawmakers led by Senator John Miller in Islamabad on Tuesday.",
    ).mentions;
    expect(meeting.place?.name).toBe("Islamabad");
  });

  it("reads 'the White House said X would host Y on Thursday' as an announced meeting, but not 'would meet … only if'", () => {
    const [meeting] = extract("The White House said President Tom Harris would host Kenyan President Daniel Mwangi at the White House on Thursday.").mentions;
    expect(meeting).toMatchObject({ kind: "meeting", planned: true, date: { date: "2031-06-12" } });
    expect(names(meeting)).toEqual(["Daniel Mwangi", "Tom Harris"]);
    expect(extract("Officials said Tom Harris would meet Daniel Mwangi in Geneva on Thursday only if the dispute were settled.").mentions).toEqual([]);
  });

  it("dates 'agreed to meet again in March', written in June, to next March", () => {
    const { mentions } = extract("The ministers of Chile and Argentina held a video call on Monday. Both sides agreed to meet again in March.");
    expect(mentions.map((m) => [m.kind, m.planned, m.date.date, m.date.precision])).toEqual([
      ["phone_call", false, "2031-06-09", "day"],
      ["meeting", true, "2032-03-01", "month"],
    ]);
  });

  it("takes the main clause's subject as the party of a participle: 'X told reporters after meeting Y', 'Speaking after talks with Y, X said'", () => {
    const [meeting] = extract(
      '"We had a very productive conversation," Swedish Prime Minister Erik Lund told reporters after meeting Finnish President Aino Virtanen in Stockholm on Monday.',
    ).mentions;
    expect(meeting).toMatchObject({ kind: "meeting", place: { name: "Stockholm" }, date: { date: "2031-06-09" } });
    expect(names(meeting)).toEqual(["Aino Virtanen", "Erik Lund"]);
    const [talks] = extract(
      "Speaking after talks with Foreign Minister Bakhtiyor Karimov in Tashkent on Tuesday, Turkish Foreign Minister Ahmet Yilmaz said trade would grow.",
    ).mentions;
    expect(names(talks)).toEqual(["Ahmet Yilmaz", "Bakhtiyor Karimov"]);
  });

  it("reads 'X and Y discussed the situation in Syria in a phone call' as their call, not a call placed in Syria", () => {
    const [call] = extract(
      "Russian Foreign Minister Pavel Orlov and his Turkish counterpart Mehmet Demir discussed the situation in Syria in a phone call on Monday, the ministry said.",
    ).mentions;
    expect(call).toMatchObject({ kind: "phone_call", place: null, date: { date: "2031-06-09" } });
    expect(names(call)).toEqual(["Mehmet Demir", "Pavel Orlov"]);
  });

  it("reads 'held a fourth round of indirect talks' with its subject, and places 'signed a memorandum of understanding … in Buenos Aires'", () => {
    const [talks] = extract("Norwegian and Iranian negotiators held a fourth round of indirect talks in Muscat on Sunday.").mentions;
    expect(names(talks)).toEqual(["Iran", "Norway"]);
    const [agreement] = extract(
      "The foreign ministers of Brazil and Argentina signed a memorandum of understanding on energy cooperation in Buenos Aires on Friday.",
    ).mentions;
    expect(agreement).toMatchObject({ kind: "agreement", place: { name: "Buenos Aires" }, date: { date: "2031-06-06" } });
  });

  it("counts the speaker of 'X said she held talks with Y' and 'she had a \"very good\" phone call with Y' among the parties", () => {
    const [talks] = extract("Mexican President Ana Torres said she held talks with Tom Harris in Washington on Tuesday.").mentions;
    expect(talks).toMatchObject({ kind: "talks", place: { name: "Washington" }, date: { date: "2031-06-10" } });
    expect(names(talks)).toEqual(["Ana Torres", "Tom Harris"]);
    const [call] = extract('Mexican President Ana Torres said on Tuesday she had a "very good" phone call with U.S. President Tom Harris.').mentions;
    expect(names(call)).toEqual(["Ana Torres", "Tom Harris"]);
  });

  it("reads 'paid a state visit to Nigeria on Thursday, where he met Y in Abuja' as one visit to Abuja, in Nigeria", () => {
    const { mentions } = extract("South African President Thabo Nkosi paid a state visit to Nigeria on Thursday, where he met President Musa Bello in Abuja.");
    expect(mentions.map((m) => [m.kind, names(m), m.place, m.date.date])).toEqual([
      ["visit", ["Musa Bello", "Thabo Nkosi"], expect.objectContaining({ name: "Abuja", within: "nigeria" }), "2031-06-05"],
    ]);
  });
});
