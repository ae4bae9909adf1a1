import { describe, expect, it } from "vitest";
import { allMatches, contains, overlaps, overlapsAnyOf, spansWithin } from "@/lib/proposals/text";

describe("overlapsAnyOf", () => {
  const spans = [
    { start: 2, end: 5 },
    { start: 5, end: 9 },
    { start: 14, end: 20 },
  ];
  const probes = [0, 1, 2, 4, 5, 8, 9, 10, 13, 14, 19, 20, 25].flatMap((start) => [1, 2, 6].map((length) => ({ start, end: start + length })));

  it("answers as comparing with each span, for spans in text order without overlaps", () => {
    const overlapsAny = overlapsAnyOf(spans);
    for (const probe of probes) expect(overlapsAny(probe), JSON.stringify(probe)).toBe(spans.some((s) => overlaps(s, probe)));
  });

  it("answers as comparing with each span for spans that overlap or are out of order", () => {
    const tangled = [spans[2], { start: 3, end: 15 }, spans[0]];
    const overlapsAny = overlapsAnyOf(tangled);
    for (const probe of probes) expect(overlapsAny(probe), JSON.stringify(probe)).toBe(tangled.some((s) => overlaps(s, probe)));
  });
});

describe("allMatches", () => {
  it("finds what matchAll finds, again on a second call with the same pattern", () => {
    const pattern = /\b\p{Lu}\p{L}*|(?=x)/gu;
    const text = "Oslo and Ghana met in 𝒳x Lagos";
    const expected = [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);
    expect(allMatches(pattern, text).map((m) => [m.index, m[0]])).toEqual(expected);
    expect(allMatches(pattern, text).map((m) => [m.index, m[0]])).toEqual(expected);
  });
});

describe("spansWithin", () => {
  const outers = [0, 2, 3, 5, 9, 12].flatMap((start) => [0, 1, 4, 10].map((length) => ({ start, end: start + length })));

  it("finds the spans a filter finds, in their order, whether or not they are sorted by start", () => {
    const sorted = [
      { start: 1, end: 4 },
      { start: 2, end: 3 },
      { start: 2, end: 12 },
      { start: 5, end: 5 },
      { start: 5, end: 9 },
      { start: 10, end: 13 },
    ];
    const unsorted = [sorted[4], sorted[0], sorted[5], sorted[2]];
    for (const spans of [sorted, unsorted, []])
      for (const outer of outers) expect(spansWithin(spans, outer), JSON.stringify(outer)).toEqual(spans.filter((s) => contains(outer, s)));
  });
});
