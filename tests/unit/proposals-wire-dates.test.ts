import { describe, expect, it } from "vitest";
import { propose } from "@/lib/proposals/propose";
import type { ProposalArticle } from "@/lib/proposals/types";

// Made-up wire copy. 2031-06-11 is a Wednesday: "next week" is Monday 16 to Sunday 22 June.
let n = 0;
const article = (text: string, publishedAt: string, outlet: string): ProposalArticle => ({ id: `d${++n}`, text, publishedAt, outlet });

describe("wire copy: dates that name a week", () => {
  it("proposes 'next week' as the month holding it, and says which days", () => {
    const { events } = propose({ articles: [article("Chilean President Marta Rojas will visit Lima next week, her office said.", "2031-06-11", "Wire")] });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "visit", localDate: "2031-06", precision: "month", dateNote: "between 2031-06-16 and 2031-06-22" });
    expect(events[0].mentions[0].date.days).toEqual({ from: "2031-06-16", to: "2031-06-22" });
  });

  it("makes a visit 'next week' one happening with a visit on a day of that week, not with one later that month", () => {
    const { events } = propose({
      articles: [
        article("Chilean President Marta Rojas will visit Lima next week, her office said.", "2031-06-11", "Morning Wire"),
        article("Chilean President Marta Rojas will visit Lima on June 29, her office said.", "2031-06-11", "Evening Post"),
      ],
    });
    expect(events.map((e) => [e.localDate, e.mentions.length])).toEqual([
      ["2031-06-29", 1],
      ["2031-06", 1],
    ]);
    const { events: sameWeek } = propose({
      articles: [
        article("Chilean President Marta Rojas will visit Lima next week, her office said.", "2031-06-11", "Morning Wire"),
        article("Chilean President Marta Rojas will visit Lima on June 18, her office said.", "2031-06-12", "Evening Post"),
      ],
    });
    expect(sameWeek.map((e) => [e.localDate, e.precision, e.dateNote, e.mentions.length])).toEqual([["2031-06-18", "day", null, 2]]);
  });

  it("ends 'earlier this week' on the day of the report and starts 'later this month' on it", () => {
    const { events } = propose({
      articles: [
        article(
          "Moroccan envoy Youssef Amrani met Algerian Foreign Minister Karim Belkacem in Geneva earlier this week, diplomats said.",
          "2031-06-11",
          "Wire",
        ),
        article("Tunisian President Leila Haddad will visit Tripoli later this month, her office said.", "2031-06-11", "Wire"),
      ],
    });
    expect(events.map((e) => [e.kind, e.localDate, e.dateNote])).toEqual([
      ["meeting", "2031-06", "between 2031-06-09 and 2031-06-11"],
      ["visit", "2031-06", "between 2031-06-11 and 2031-06-30"],
    ]);
  });

  it("reads 'on Sunday and Monday' as a happening of two days, one with a report of either day", () => {
    const { events } = propose({
      articles: [
        article("Foreign ministers of Gabon and Congo met in Libreville on Sunday and Monday, officials said.", "2031-06-11", "Morning Wire"),
        article("Foreign ministers of Gabon and Congo met in Libreville on Monday, officials said.", "2031-06-10", "Evening Post"),
      ],
    });
    expect(events.map((e) => [e.kind, e.localDate, e.precision, e.mentions.length])).toEqual([["meeting", "2031-06-09", "day", 2]]);
    const mention = events[0].mentions.find((m) => m.outlet === "Morning Wire");
    expect(mention?.date).toMatchObject({ text: "on Sunday and Monday", precision: "month", days: { from: "2031-06-08", to: "2031-06-09" } });
    const { events: planned } = propose({
      articles: [article("Gabonese and Congolese negotiators will hold talks in Libreville from Saturday to Monday, officials said.", "2031-06-11", "Wire")],
    });
    expect(planned.map((e) => [e.kind, e.localDate, e.precision, e.dateNote])).toEqual([["talks", "2031-06", "month", "between 2031-06-14 and 2031-06-16"]]);
  });

  it("does not date 'on Monday and Thursday' (two days apart) by its first day: the month, both days, and a report of either day joins it", () => {
    const { events } = propose({
      articles: [
        article("Foreign ministers of Gabon and Congo met in Libreville on Monday and Thursday, officials said.", "2031-06-11", "Morning Wire"),
        article("Foreign ministers of Gabon and Congo met in Libreville on Thursday, officials said.", "2031-06-06", "Evening Post"),
      ],
    });
    expect(events.map((e) => [e.kind, e.localDate, e.precision, e.mentions.length])).toEqual([["meeting", "2031-06-05", "day", 2]]);
    const mention = events[0].mentions.find((m) => m.outlet === "Morning Wire");
    // Written on a Wednesday, in the past: the Thursday before the Monday.
    expect(mention?.date).toMatchObject({
      text: "on Monday and Thursday",
      precision: "month",
      days: { from: "2031-06-05", to: "2031-06-09" },
      note: "2031-06-05 and 2031-06-09, two days apart",
    });
    const { events: alone } = propose({
      articles: [article("Gabon and Congo will hold talks in Libreville on Friday and Monday, officials said.", "2031-06-11", "Wire")],
    });
    expect(alone.map((e) => [e.kind, e.localDate, e.precision, e.dateNote])).toEqual([["talks", "2031-06", "month", "between 2031-06-13 and 2031-06-16"]]);
  });

  it("makes an exchange agreed for Friday and the report of it afterwards one happening on that Friday", () => {
    const { events } = propose({
      articles: [
        article("Ethiopia and Eritrea agreed on Monday to exchange 500 prisoners on Friday, officials said.", "2031-06-11", "Morning Wire"),
        article("Ethiopia and Eritrea exchanged 500 prisoners on Friday, officials said.", "2031-06-14", "Evening Post"),
      ],
    });
    expect(events.map((e) => [e.kind, e.localDate, e.mentions.map((m) => [m.outlet, m.planned])])).toEqual([
      [
        "exchange",
        "2031-06-13",
        [
          ["Morning Wire", true],
          ["Evening Post", false],
        ],
      ],
    ]);
  });

  it("makes a report naming a surname written first alone ('Xi') one happening with reports giving the full name", () => {
    const { events } = propose({
      articles: [
        article("Chinese President Xi Haoran met Mongolian President Bat-Erdene Tsogt in Ulaanbaatar on Monday.", "2031-06-10", "Morning Wire"),
        article("State media said Xi met Mongolian President Bat-Erdene Tsogt in Ulaanbaatar on Monday.", "2031-06-11", "Evening Post"),
      ],
    });
    expect(events.map((e) => [e.kind, e.localDate, e.mentions.length])).toEqual([["meeting", "2031-06-09", 2]]);
  });

  it("does not read 'after a week of talks' as a date a week from the report, and leaves those talks undated", () => {
    const { events } = propose({
      articles: [
        article(
          "Colombia and the ELN agreed to a six-month ceasefire on Tuesday, a Qatari mediator announced after a week of talks in Doha.",
          "2031-06-11",
          "Wire",
        ),
      ],
    });
    expect(events.map((e) => [e.kind, e.localDate, e.precision])).toEqual([
      ["agreement", "2031-06-10", "day"],
      ["talks", null, null],
    ]);
  });

  it("proposes a summit 'postponed until September' as announced for September, not as held on the day of the report", () => {
    const { events } = propose({
      articles: [article("The summit of Caspian leaders in Baku has been postponed until September, officials said on Tuesday.", "2031-06-11", "Wire")],
    });
    expect(events.map((e) => [e.kind, e.localDate, e.precision])).toEqual([["meeting", "2031-09", "month"]]);
  });
});
