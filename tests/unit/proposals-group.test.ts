import { describe, expect, it } from "vitest";
import { propose } from "@/lib/proposals/propose";
import type { KnownEvent, ProposalArticle } from "@/lib/proposals/types";
import { PROPOSAL_REGISTRY } from "../support/proposal-fixtures";

let n = 0;
const article = (text: string, publishedAt: string | null, outlet: string): ProposalArticle => ({ id: `a${++n}`, text, publishedAt, outlet });

describe("grouping mentions across articles and outlets", () => {
  it("makes a call announced ahead and reported afterwards one proposal, dated from both", () => {
    const before = article("Anna Berg will speak by phone with Samuel Okoro on Tuesday, officials said.", "2031-06-08", "Morning Wire");
    const after = article("Berg and Okoro spoke by phone on Tuesday, discussing fishing rights.", "2031-06-11", "Evening Post");
    const { events } = propose({ articles: [before, after], registry: PROPOSAL_REGISTRY });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "phone_call", eventType: "PHONE_CALL", date: "2031-06-10", precision: "day", eventId: null });
    expect(events[0].participants).toEqual([
      { name: "Anna Berg", entityId: "p-berg" },
      { name: "Samuel Okoro", entityId: "p-okoro" },
    ]);
    expect(new Set(events[0].mentions.map((m) => m.articleId))).toEqual(new Set([before.id, after.id]));
  });

  it("groups spelling variants of one person without a registry, and keeps two calls weeks apart apart", () => {
    const first = article("Samuel Okoro spoke by phone with Anna Bergh on June 2.", "2031-06-03", "Morning Wire");
    const second = article("Okoro and Anna Berg talked by phone on June 2.", "2031-06-04", "Evening Post");
    const later = article("Samuel Okoro and Anna Berg spoke by phone again on June 25.", "2031-06-26", "Evening Post");
    const { events } = propose({ articles: [first, second, later] });
    expect(events.map((e) => [e.date, e.mentions.length])).toEqual([
      ["2031-06-02", 2],
      ["2031-06-25", 1],
    ]);
  });

  it("groups reports a day apart on the same two people as one happening whose date the sources dispute", () => {
    const a = article("Anna Berg met Samuel Okoro in Geneva on June 18.", "2031-06-19", "Morning Wire");
    const b = article("Anna Berg met Samuel Okoro in Geneva on June 19.", "2031-06-20", "Evening Post");
    const { events } = propose({ articles: [a, b], registry: PROPOSAL_REGISTRY });
    expect(events).toHaveLength(1);
    expect(events[0].dateNote).toBe("sources disagree: 18 June 2031 or 19 June 2031");
  });

  it("reads a country-level report and a report naming the countries' leaders as one happening", () => {
    const countries = article("Delegations from Norway and Ghana held talks in Geneva on June 12.", "2031-06-13", "Morning Wire");
    const leaders = article("Norwegian Prime Minister Anna Berg met Ghanaian President Samuel Okoro in Geneva on June 12.", "2031-06-13", "Evening Post");
    expect(propose({ articles: [countries, leaders], registry: PROPOSAL_REGISTRY }).events).toHaveLength(1);
  });

  it("links mentions to an existing canonical event instead of proposing a duplicate", () => {
    const known: KnownEvent = {
      id: "event-1",
      type: "PHONE_CALL",
      title: "Berg–Okoro call",
      date: { localDate: "2031-06-10", precision: "day", timeZone: null },
      participantIds: ["p-berg", "p-okoro"],
      placeId: null,
    };
    const report = article("Berg and Okoro spoke by phone on Tuesday.", "2031-06-11", "Evening Post");
    const { events } = propose({ articles: [report], registry: PROPOSAL_REGISTRY, knownEvents: [known] });
    expect(events).toEqual([expect.objectContaining({ key: "event:event-1", eventId: "event-1", title: "Berg–Okoro call", date: "2031-06-10" })]);
  });

  it("resolves 'the day after the Geneva talks' against the talks' date, which another article gives", () => {
    const talks = article("Norway and Ghana held talks in Geneva on May 16.", "2031-05-17", "Morning Wire");
    const call = article("Anna Berg spoke by phone with Samuel Okoro the day after the Geneva talks.", "2031-05-23", "Evening Post");
    const { events } = propose({ articles: [talks, call], registry: PROPOSAL_REGISTRY });
    const phone = events.find((e) => e.kind === "phone_call")!;
    expect(phone).toMatchObject({ date: "2031-05-17", precision: "day" });
    expect(phone.mentions[0].date.note).toMatch(/^counted from .*\(2031-05-16\)$/);
  });

  it("leaves it unresolved, with the reason, when no article dates that happening", () => {
    const call = article("Anna Berg spoke by phone with Samuel Okoro the day after the Geneva talks.", "2031-05-23", "Evening Post");
    const [phone] = propose({ articles: [call], registry: PROPOSAL_REGISTRY }).events;
    expect(phone).toMatchObject({ date: null, precision: null, dateNote: "counted from “the Geneva talks”, whose date the text does not give" });
  });

  it("proposes happenings without a date and says why", () => {
    const [undated] = propose({ articles: [article("Anna Berg and Samuel Okoro spoke by phone.", null, "Wire")] }).events;
    expect(undated).toMatchObject({ date: null, localDate: null, dateNote: "the article has no date and the text gives none for it" });
  });

  it("answers in the shape of GET /api/event-proposals, each mention with its W3C selectors and quote", () => {
    const text = "Anna Berg met Samuel Okoro in Geneva on June 3.";
    const [proposal] = propose({ articles: [{ id: "art-9", text, publishedAt: "2031-06-04", outlet: "Wire" }], registry: PROPOSAL_REGISTRY }).events;
    expect(proposal).toMatchObject({
      kind: "meeting",
      title: "Berg–Okoro meeting in Geneva",
      date: "2031-06-03",
      precision: "day",
      timeZone: null,
      place: { name: "Geneva", entityId: "v-geneva" },
      eventId: null,
    });
    expect(proposal.mentions).toEqual([
      expect.objectContaining({
        articleId: "art-9",
        quote: text,
        annotation: {
          articleId: "art-9",
          selector: [
            { type: "TextQuoteSelector", exact: text, prefix: "", suffix: "" },
            { type: "TextPositionSelector", start: 0, end: text.length },
          ],
        },
      }),
    ]);
  });
});
