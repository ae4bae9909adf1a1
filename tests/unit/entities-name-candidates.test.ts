import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { isProperName, nameCandidateRanges, sentencesOf, textPieces, type TextRange } from "@/lib/entities/name-candidates";

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

describe("long texts", () => {
  const long = Array.from({ length: 400 }, (_, i) => seedTexts[i % seedTexts.length].text).join("\n\n");

  it("are cut into pieces that cover the text, after line breaks where there are some", () => {
    const pieces = textPieces(long, 10_000);
    expect(pieces[0].start).toBe(0);
    expect(pieces.at(-1)!.end).toBe(long.length);
    for (const [i, piece] of pieces.entries()) {
      expect(piece.end - piece.start).toBeLessThanOrEqual(10_000);
      if (i > 0) expect(piece.start).toBe(pieces[i - 1].end);
      if (piece.end < long.length) expect(long[piece.end - 1]).toBe("\n");
    }
  });

  it("are cut even with no line break at all, never inside a surrogate pair", () => {
    const line = "Word 😀 ".repeat(5_000);
    const pieces = textPieces(line, 999);
    expect(pieces.map((p) => line.slice(p.start, p.end)).join("")).toBe(line);
    for (const piece of pieces) expect(/^[\uDC00-\uDFFF]/.test(line.slice(piece.start))).toBe(false);
  });

  it("are split into the same sentences as when read whole", () => {
    // 60,000 characters: about as much as reading whole still does in reasonable time.
    const text = long.slice(0, 60_000);
    const whole = [...new Intl.Segmenter("en", { granularity: "sentence" }).segment(text)].map(({ index, segment }) => [index, index + segment.length]);
    expect([...sentencesOf(text)].map(({ index, segment }) => [index, index + segment.length])).toEqual(whole);
    expect(textPieces(text, 10_000).length).toBeGreaterThan(5);
  });
});

describe("isProperName", () => {
  it.each(["Mr", "Mr.", "Mrs", "Dr", "President", "Foreign Minister", "Russian", "Russian state", "Russian military", "officials", "Bank of", "123"])(
    "rejects %s",
    (candidate) => expect(isProperName(candidate)).toBe(false),
  );
  it.each(["Lavrov", "Sergei Lavrov", "Ursula von der Leyen", "Bashar al-Assad", "Bank of England", "Russian Foreign Ministry", "United Nations", "Kyiv"])(
    "accepts %s",
    (candidate) => expect(isProperName(candidate)).toBe(true),
  );
});
