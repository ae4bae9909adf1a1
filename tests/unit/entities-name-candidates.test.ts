import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { nameCandidateRanges, type TextRange } from "@/lib/entities/name-candidates";

const SEEDS = path.resolve(import.meta.dirname, "../../seeds");
const seedTexts = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ file: f, text: readFileSync(path.join(SEEDS, f), "utf8").replace(/[\u2018\u2019]/g, "'") }));

const covered = (ranges: TextRange[], start: number, end: number) => ranges.some((r) => r.start <= start && end <= r.end);
const read = (text: string, ranges: TextRange[]) => ranges.map((r) => text.slice(r.start, r.end).trim());

function spanOf(text: string, words: string): TextRange {
  const start = text.indexOf(words);
  return { start, end: start + words.length };
}

describe("nameCandidateRanges", () => {
  it.each(seedTexts)("keeps every name compromise finds in the whole of $file when nothing is known", ({ text }) => {
    const ranges = nameCandidateRanges(text);
    const doc = nlp(text);
    const names = (["people", "organizations", "places"] as const).flatMap(
      (view) => doc[view]().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[],
    );
    expect(names.length).toBeGreaterThan(10);
    const missed = names.filter(({ offset }) => !covered(ranges, offset.start, offset.start + offset.length)).map((n) => n.text);
    expect(missed).toEqual([]);
  });

  it("leaves out sentences that name only known entities, or no one", () => {
    const text = "Officials said Vladimir Putin met Donald Trump in Moscow. Analysts expected little. Marco Rubio flew to Riyadh on Monday.";
    const known = [spanOf(text, "Vladimir Putin"), spanOf(text, "Donald Trump"), spanOf(text, "Moscow")];
    expect(read(text, nameCandidateRanges(text, known))).toEqual(["Marco Rubio flew to Riyadh on Monday."]);
  });

  it("reads a sentence opened by a name that the text also uses mid-sentence", () => {
    const text = "Peskov declined to comment. Critics said little. A statement from Peskov followed.";
    expect(read(text, nameCandidateRanges(text))).toEqual(["Peskov declined to comment.", "A statement from Peskov followed."]);
  });

  it("reads a sentence opened by a word compromise knows as a name, but not one opened by an ordinary word", () => {
    const text = "Moscow denied the report. Officials said nothing more.";
    expect(read(text, nameCandidateRanges(text))).toEqual(["Moscow denied the report."]);
  });

  it("merges neighbouring sentences into one range", () => {
    const text = "Lavrov spoke in Istanbul. Rubio answered from Washington. Nobody else spoke.";
    expect(nameCandidateRanges(text)).toEqual([{ start: 0, end: text.indexOf("Nobody") }]);
  });
});
