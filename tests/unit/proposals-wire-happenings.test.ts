import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import type { ArticleExtraction, EventMention } from "@/lib/proposals/types";

// Made-up wire copy about made-up people, read without a registry. 2031-06-11 is a Wednesday.
const PUBLISHED = "2031-06-11";

const extract = (text: string): ArticleExtraction => extractArticle({ id: "h1", text, publishedAt: PUBLISHED, outlet: "Wire" }, null);
const parties = (m: EventMention) => m.participants.map((p) => [p.name, p.affiliation ?? null]);

describe("wire copy: who met whom, where and when", () => {
  it("reads 'held separate meetings with X and Y' as one meeting with each, on the day and at the place stated", () => {
    const { mentions } = extract("UN envoy Rita Kaur held separate meetings with Lars Berg and Omar Haddad in Geneva on Monday.");
    expect(mentions.map((m) => [m.kind, m.date.date, m.place?.name, m.participants.map((p) => p.name)])).toEqual([
      ["meeting", "2031-06-09", "Geneva", ["Rita Kaur", "Lars Berg"]],
      ["meeting", "2031-06-09", "Geneva", ["Rita Kaur", "Omar Haddad"]],
    ]);
  });

  it("reads 'held separate calls with X and Y' as one call with each, on the day stated", () => {
    const { mentions } = extract("UN mediator Ines Vidal held separate calls with Tomas Rey and Kofi Mensah on Tuesday.");
    expect(mentions.map((m) => [m.kind, m.date.date, m.participants.map((p) => p.name)])).toEqual([
      ["phone_call", "2031-06-10", ["Ines Vidal", "Tomas Rey"]],
      ["phone_call", "2031-06-10", ["Ines Vidal", "Kofi Mensah"]],
    ]);
  });

  it("reads a counterpart named after a comma as a party, and the place and day after the name as the meeting's", () => {
    const { mentions } = extract("Malaysian Foreign Minister Aziz Rahman met his Thai counterpart, Suda Chaiyo, in Kuala Lumpur on Monday.");
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ kind: "meeting", place: { name: "Kuala Lumpur" }, date: { date: "2031-06-09" } });
    expect(parties(mentions[0])).toEqual([
      ["Aziz Rahman", "malaysia"],
      ["Suda Chaiyo", "thailand"],
    ]);
  });

  it("counts the person a trip is made 'to meet', and the one of 'two days of talks with', among the visit's parties", () => {
    const [trip] = extract(
      "Peruvian President Rosa Quispe will travel to Quito on June 20 to meet Ecuadorian leader Andres Salinas, her office said.",
    ).mentions;
    expect(trip).toMatchObject({ kind: "visit", planned: true, place: { name: "Quito" }, date: { date: "2031-06-20" } });
    expect(parties(trip)).toEqual([
      ["Rosa Quispe", "peru"],
      ["Andres Salinas", "ecuador"],
    ]);
    const [visit] = extract(
      "Finnish Foreign Minister Aino Lehto arrived in Tallinn on Monday for two days of talks with her Estonian counterpart, Kadri Tamm.",
    ).mentions;
    expect(parties(visit)).toEqual([
      ["Aino Lehto", "finland"],
      ["Kadri Tamm", "estonia"],
    ]);
  });

  it("does not propose the deal a prisoner exchange was carried out under as a happening of its own that day", () => {
    const { mentions } = extract(
      "Eritrea and Djibouti swapped 40 prisoners each on Tuesday in a deal mediated by Qatar, the Eritrean information ministry said.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date])).toEqual([["exchange", "2031-06-10"]]);
  });

  it("does not take the summit a meeting was held on the sidelines of for the meeting, nor its body for a party", () => {
    const { mentions } = extract(
      "The foreign ministers of Chile and Bolivia met in Lima last Thursday on the sidelines of an Andean Forum summit, officials said.",
    );
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ kind: "meeting", place: { name: "Lima" }, date: { date: "2031-06-05" } });
    expect(parties(mentions[0])).toEqual([
      ["Chile", null],
      ["Bolivia", null],
    ]);
  });

  it("proposes a ceasefire agreed after talks, as a statement reported it", () => {
    const { mentions } = extract(
      "Chad and Niger agreed to a 48-hour ceasefire on Monday after talks in Niamey mediated by the African Union, according to a joint statement.",
    );
    const agreement = mentions.find((m) => m.kind === "agreement");
    expect(agreement).toMatchObject({ date: { date: "2031-06-09" } });
    expect(agreement && parties(agreement)).toEqual([
      ["Chad", null],
      ["Niger", null],
    ]);
  });

  it("reads an exchange agreed for a later day as planned, dated forward from the report, not by the day it was agreed", () => {
    const [agreed] = extract("Ethiopia and Eritrea agreed on Monday to exchange 500 prisoners on Friday, officials said.").mentions;
    expect(agreed).toMatchObject({ kind: "exchange", planned: true, date: { date: "2031-06-13", text: "on Friday" } });
    const [toCome] = extract("Ethiopia and Eritrea are to exchange 500 prisoners on Friday, officials said.").mentions;
    expect(toCome).toMatchObject({ kind: "exchange", planned: true, date: { date: "2031-06-13" } });
    const [reported] = extract("The ministry said Ethiopia and Eritrea would swap 500 prisoners on Friday.").mentions;
    expect(reported).toMatchObject({ kind: "exchange", planned: true, date: { date: "2031-06-13" } });
    const [meeting] = extract("Ethiopia and Eritrea agreed on Monday to meet again in Addis Ababa, officials said.").mentions;
    expect(meeting).toMatchObject({ kind: "meeting", planned: true, place: { name: "Addis Ababa" }, date: { date: null } });
  });

  it("dates a meeting agreed for two days by those days, the next ones after the report", () => {
    const [meeting] = extract("Ethiopia and Eritrea agreed on Monday to meet again on Sunday and Monday, officials said.").mentions;
    expect(meeting).toMatchObject({ kind: "meeting", planned: true, date: { precision: "month", days: { from: "2031-06-15", to: "2031-06-16" } } });
  });

  it("reads 'they' after the sources that said it as the parties ('X and Y said on Monday they would swap …')", () => {
    const [swap] = extract("Ethiopia and Eritrea said on Monday they would swap 500 prisoners on Friday.").mentions;
    expect(swap).toMatchObject({ kind: "exchange", planned: true, date: { date: "2031-06-13" } });
    expect(parties(swap)).toEqual([
      ["Ethiopia", null],
      ["Eritrea", null],
    ]);
  });

  it("does not give 'they' the parties of an earlier happening when a plural subject came between ('Opposition lawmakers …')", () => {
    const lead = "Zambian President Mwila Banda met Malawian President Chifundo Phiri in Lusaka on Monday.";
    for (const between of ["Opposition lawmakers boycotted the session.", "Hundreds of protesters marched to parliament."]) {
      const { mentions } = extract(`${lead} ${between} They will hold talks with the government on Friday.`);
      expect(mentions.map((m) => [m.kind, m.date.date, m.participants.map((p) => p.name)])).toEqual([
        ["meeting", "2031-06-09", ["Mwila Banda", "Chifundo Phiri"]],
      ]);
    }
    // Commenting on the happening, or naming its parties by a noun, leaves "they" theirs.
    for (const between of ["Analysts expect little progress.", "The leaders also discussed trade."]) {
      const { mentions } = extract(`${lead} ${between} They will meet again in Blantyre on Friday.`);
      expect(mentions.map((m) => [m.kind, m.date.date, m.participants.map((p) => p.name)])).toEqual([
        ["meeting", "2031-06-09", ["Mwila Banda", "Chifundo Phiri"]],
        ["meeting", "2031-06-13", ["Mwila Banda", "Chifundo Phiri"]],
      ]);
    }
  });

  it("reads a meeting told by a participle after a comma ('began a state visit on Monday, meeting Y on Tuesday') with both parties", () => {
    const { mentions } = extract(
      "Indonesian President Budi Santoso began a three-day state visit to Vietnam on Monday, meeting Vietnamese President Le Van Hoa in Hanoi on Tuesday before travelling to Ho Chi Minh City.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date])).toEqual([
      ["visit", "2031-06-09"],
      ["meeting", "2031-06-10"],
    ]);
    expect(mentions[1].place?.name).toBe("Hanoi");
    expect(parties(mentions[1]).sort()).toEqual([
      ["Budi Santoso", "indonesia"],
      ["Le Van Hoa", "vietnam"],
    ]);
    // "Ho Chi Minh City" is a place, not a person "City" among the parties.
    expect(mentions.flatMap((m) => m.participants.map((p) => p.name))).not.toContain("Ho Chi Minh City");
  });

  it("takes the person named in an apposition before the verb as the subject ('The bloc's envoy, former president X, met Y')", () => {
    const [meeting] = extract(
      "The African Union's envoy, former Nigerian president Olu Adeyemi, met Ethiopian Prime Minister Dawit Alemu in Addis Ababa on Sunday.",
    ).mentions;
    expect(meeting).toMatchObject({ kind: "meeting", place: { name: "Addis Ababa" }, date: { date: "2031-06-08" } });
    expect(parties(meeting)).toEqual([
      ["Olu Adeyemi", "nigeria"],
      ["Dawit Alemu", "ethiopia"],
    ]);
  });
});
