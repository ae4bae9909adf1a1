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
});
