import { describe, expect, it } from "vitest";
import { lineSpans } from "@/lib/proposals/text";
import { findTriggers } from "@/lib/proposals/triggers";
import { TRIGGER_RULES } from "@/lib/proposals/vocabulary";
import { generateNewsroom } from "@/scripts/eval/newsroom";
import { loadSeedArticles } from "../support/proposal-seed-labels";

// Each rule searches only the lines holding one of the words it needs: a word missing from that
// list would silently lose every happening the rule finds.
describe("the words each trigger rule needs", () => {
  const texts = [
    ...loadSeedArticles().map((a) => a.text),
    ...generateNewsroom({ seed: 18 }).articles.map((a) => a.text),
    "Both leaders last spoke in March, and Ferreira and Okafor talked on Tuesday.",
    "Ferreira and Okafor discussed prisoner exchanges by telephone, and the two men shook hands in Lagos.",
  ];
  const lines = texts.flatMap((text) => lineSpans(text).map((l) => text.slice(l.start, l.end)));

  it.each(TRIGGER_RULES.map((rule, index) => ({ rule, index })))("rule $index ($rule.kind) finds nothing in a line without them", ({ rule }) => {
    let matches = 0;
    for (const line of lines)
      for (const m of line.matchAll(rule.re)) {
        matches++;
        expect(rule.needs.test(m[0].toLowerCase()), `"${m[0]}" in "${line}"`).toBe(true);
        // A rule searched only where its words start a word must find nothing elsewhere.
        if (rule.leading) {
          expect(
            rule.leading.some((w) => m[0].toLowerCase().startsWith(w)),
            `"${m[0]}" in "${line}"`,
          ).toBe(true);
          expect(/[\p{L}\d_]/u.test(line.charAt(m.index - 1)), `"${m[0]}" in "${line}" starts a word`).toBe(false);
        }
      }
    expect(matches).toBeGreaterThan(0);
  });
});

describe("the search where a rule's words start", () => {
  it("finds what the whole line's search finds, in a line whose lower case keeps its offsets and in one that does not", () => {
    const sentences = [
      "İstanbul hosted talks. Ferreira met Okafor in Lagos and said in a statement that they would meet again.",
      "Ferreira met Okafor in Lagos and said in a statement that they would meet again; SIGNED accords followed.",
    ];
    for (const text of sentences) {
      const kinds = findTriggers(text, { start: 0, end: text.length }).map((t) => `${t.kind}:${text.slice(t.start, t.end)}`);
      expect(kinds).toEqual(expect.arrayContaining(["meeting:met", "statement:said in a statement", "meeting:meet"]));
    }
  });
});
