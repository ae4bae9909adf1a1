import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { proposeFromExtractions } from "@/lib/proposals/propose";

// Two made-up reports of one meeting; the second outlet spells the host's surname a letter apart.
const report = (id: string, text: string) => extractArticle({ id, text, publishedAt: "2031-06-11", outlet: id }, null);

describe("grouping reports whose outlets spell a name differently", () => {
  it("groups two reports of one meeting when one host's surname is spelled a letter apart under the same given name", () => {
    const proposals = proposeFromExtractions(
      [
        report("a", "Turkish President Emre Kaplan met Foreign Minister Grace Wanjiru in Nairobi on Tuesday."),
        report("b", "Kenyan Foreign Minister Grace Wanjiku hosted Emre Kaplan in Nairobi on Tuesday."),
      ],
      null,
      [],
      [],
    );
    expect(proposals.events.map((e) => e.mentions.map((m) => m.articleId).sort())).toEqual([["a", "b"]]);
  });

  it("does not join a report naming a given name alone ('Kim') to one naming a full name it opens ('Kim Darroch'); a surname written first joins", () => {
    const group = (...texts: string[]) =>
      proposeFromExtractions(
        texts.map((t, i) => report(`r${i}`, t)),
        null,
        [],
        [],
      ).events.map((e) => [...new Set(e.mentions.map((m) => m.articleId))].sort());
    expect(
      group(
        "British envoy Kim Darroch held talks with Fijian Prime Minister Sitiveni Rabuka in Suva on Tuesday, officials said.",
        "Kim held talks with Fijian Prime Minister Sitiveni Rabuka in Suva on Tuesday, officials said.",
      ),
    ).toEqual([["r0"], ["r1"]]);
    expect(
      group(
        "North Korean envoy Kim Song Chol held talks with Fijian Prime Minister Sitiveni Rabuka in Suva on Tuesday. Kim said the talks went well.",
        "Envoy Kim held talks with Fijian Prime Minister Sitiveni Rabuka in Suva on Tuesday, officials said.",
      ),
    ).toEqual([["r0", "r1"]]);
  });
});
