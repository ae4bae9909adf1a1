import { describe, expect, it } from "vitest";
import { propose } from "@/lib/proposals/propose";
import { type EvalArticle, score } from "@/scripts/eval/metrics";

// A made-up report of two calls made with one phrase: "separate phone calls to X and Y".
const text = "Anna Berg made separate phone calls to Samuel Okoro and Yui Tanaka on Tuesday, her office said.";
const article = { id: "m1", text, publishedAt: "2031-06-11", outlet: "Wire" };
const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe("the proposal benchmark's scorer", () => {
  it("scores each of 'separate calls to X and Y' as the call it stands for, not both as the first", () => {
    const proposals = propose({ articles: [article], registry: [] });
    expect(proposals.events).toHaveLength(2);
    const corpus: EvalArticle[] = [
      {
        ...article,
        outlet: "Wire",
        mentions: [
          { event: "berg-okoro", kind: "phone_call", ...span("made separate phone calls to Samuel Okoro"), date: "2031-06-10", precision: "day" },
          { event: "berg-tanaka", kind: "phone_call", ...span("and Yui Tanaka on Tuesday"), date: "2031-06-10", precision: "day" },
        ],
        claims: [],
      },
    ];
    const scores = score(proposals, corpus);
    expect(scores.mentions.recall).toMatchObject({ hit: 2, total: 2 });
    expect(scores.mentions.precision).toMatchObject({ hit: 2, total: 2 });
    expect(scores.dates.resolvable).toMatchObject({ hit: 2, total: 2 });
  });
});
