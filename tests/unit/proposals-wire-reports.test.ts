import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import type { ArticleExtraction, EventMention } from "@/lib/proposals/types";

// Made-up wire copy about made-up people, read without a registry. 2031-06-11 is a Wednesday.
const PUBLISHED = "2031-06-11";

const extract = (text: string): ArticleExtraction => extractArticle({ id: "r1", text, publishedAt: PUBLISHED, outlet: "Wire" }, null);
const parties = (m: EventMention) => m.participants.map((p) => [p.name, p.affiliation ?? null]);
const summary = (m: EventMention) => [m.kind, m.date.date, m.participants.map((p) => p.name)];

describe("wire copy: briefings of the press are no happening between the briefers", () => {
  it("proposes no call between two leaders who 'held separate calls with reporters'", () => {
    const { mentions } = extract(
      "Chilean President Ana Soto and Argentine President Diego Ferreyra held separate calls with reporters on Tuesday after the border summit in Mendoza.",
    );
    expect(mentions.filter((m) => m.kind === "phone_call")).toEqual([]);
  });

  it("proposes no meeting for 'met reporters' or a call 'with journalists'", () => {
    for (const text of [
      "Foreign Minister Lena Holm met reporters in Stockholm on Monday.",
      "Defence Minister Erik Dahl held a call with journalists on Monday.",
    ])
      expect(extract(text).mentions).toEqual([]);
  });

  it("reads 'X and Y held separate calls with Z' as one call of each of them with Z", () => {
    const { mentions } = extract("Lena Holm and Erik Dahl held separate calls with Kofi Mensah on Tuesday.");
    expect(mentions.map(summary)).toEqual([
      ["phone_call", "2031-06-10", ["Lena Holm", "Kofi Mensah"]],
      ["phone_call", "2031-06-10", ["Erik Dahl", "Kofi Mensah"]],
    ]);
  });
});

describe("wire copy: a happening planned somewhere and put off", () => {
  it("reads the place a summit was 'planned for' and the month it was 'postponed until'", () => {
    const [summit] = extract("A summit of Andean leaders planned for Lima on June 20 has been postponed until September, officials said on Tuesday.").mentions;
    expect(summit).toMatchObject({ kind: "meeting", planned: true, place: { name: "Lima" }, date: { date: "2031-09-01", precision: "month" } });
  });

  it("reads the schedule set off by commas and the new date after it as the meeting's", () => {
    const [meeting] = extract(
      "The meeting between Peruvian President Rosa Quispe and Bolivian President Evo Mamani, scheduled for Lima on June 20, was put off until next month, officials said.",
    ).mentions;
    expect(meeting).toMatchObject({ kind: "meeting", planned: true, place: { name: "Lima" }, date: { date: "2031-07-01", precision: "month" } });
    expect(parties(meeting)).toEqual([
      ["Rosa Quispe", "peru"],
      ["Evo Mamani", "bolivia"],
    ]);
  });
});

describe("wire copy: names the lexicon reads otherwise", () => {
  it("reads a month word standing alone for a person named by it earlier ('Theresa May … May met') as that person, not a date", () => {
    const { mentions } = extract(
      "Former British Prime Minister Theresa May met Irish leader Sean Kelly in Dublin on Monday. May met Kelly again on Tuesday, her office said. Kelly will visit London in May.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.participants.map((p) => p.key)])).toEqual([
      ["meeting", "2031-06-09", ["person:may", "person:kelly"]],
      ["meeting", "2031-06-10", ["person:may", "person:kelly"]],
      ["visit", "2032-05-01", ["person:kelly"]],
    ]);
    expect(mentions[1].participants[0].name).toBe("Theresa May");
  });

  it("reads a nationality and an unknown name as a person when the article later calls the person by surname, title or age", () => {
    for (const text of [
      "Kenyan Wanjiru Kamau met Ugandan Okello Odongo in Kampala on Monday. Kamau said the talks were frank, and Ms Odongo agreed.",
      "Kenyan Wanjiru Kamau, 61, met Ugandan Okello Odongo, 58, in Kampala on Monday.",
    ]) {
      const [meeting] = extract(text).mentions;
      expect(parties(meeting)).toEqual([
        ["Wanjiru Kamau", "kenya"],
        ["Okello Odongo", "uganda"],
      ]);
    }
  });

  it("keeps a capitalised role opening a sentence out of the name ('Mediator X', 'Commissioner Y', 'Speaker Z')", () => {
    const [talks] = extract("Mediator Ines Vidal held talks with Tomas Rey in Madrid on Tuesday.").mentions;
    expect(talks.participants.map((p) => p.name).sort()).toEqual(["Ines Vidal", "Tomas Rey"]);
    const [meeting] = extract("Commissioner Anja Vogt met Speaker Pavel Novak in Brussels on Monday.").mentions;
    expect(meeting.participants.map((p) => p.name)).toEqual(["Anja Vogt", "Pavel Novak"]);
  });
});
