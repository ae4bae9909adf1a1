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
});
