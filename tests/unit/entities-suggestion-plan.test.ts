import { describe, expect, it } from "vitest";
import { buildMatcher, normalizeName } from "@/lib/entities/match";
import { diffSuggestions, planSuggestions, suggestionKey, type StoredSuggestion } from "@/lib/entities/suggestion-plan";

function contextOf(entries: { entityId: string; names: string[] }[]) {
  return { matcher: buildMatcher(entries), known: new Set(entries.flatMap((e) => e.names.map(normalizeName))) };
}

const ENTRIES = [
  { entityId: "putin", names: ["Vladimir Putin", "Putin"] },
  { entityId: "ushakov-yuri", names: ["Yuri Ushakov", "Ushakov"] },
  { entityId: "ushakov-other", names: ["Ushakov"] },
];

describe("planSuggestions", () => {
  it("suggests known entities, one suggestion per entity of a shared alias, flagged ambiguous", () => {
    const text = "Putin's aide Ushakov spoke to Yuri Ushakov.";
    const planned = planSuggestions(text, contextOf(ENTRIES)).filter((p) => p.entityId);
    expect(planned.map((p) => [p.entityId, p.exact, p.ambiguous])).toEqual([
      ["putin", "Putin", false],
      ["ushakov-yuri", "Ushakov", true],
      ["ushakov-other", "Ushakov", true],
      ["ushakov-yuri", "Yuri Ushakov", false],
    ]);
  });

  it("proposes unknown names but never over a known mention", () => {
    const text = "Vladimir Putin met Dmitry Peskov in Istanbul.";
    const planned = planSuggestions(text, contextOf(ENTRIES));
    const proposals = planned.filter((p) => !p.entityId);
    expect(proposals.map((p) => [p.proposedName, p.proposedType])).toEqual([
      ["Dmitry Peskov", "PERSON"],
      ["Istanbul", "PLACE"],
    ]);
    expect(proposals.every((p) => text.slice(p.start, p.end) === p.exact)).toBe(true);
  });
});

describe("diffSuggestions", () => {
  const text = "Putin met Dmitry Peskov. Putin left.";
  const planned = planSuggestions(text, contextOf(ENTRIES));
  const stored = (over: Partial<StoredSuggestion> & { key: (typeof planned)[number] }): StoredSuggestion => ({
    id: `s-${suggestionKey(over.key)}`,
    entityId: over.key.entityId,
    proposedName: over.key.proposedName,
    start: over.key.start,
    end: over.key.end,
    ambiguous: over.key.ambiguous,
    status: "OPEN",
    ...over,
  });

  it("creates everything the first time", () => {
    expect(diffSuggestions([], planned, new Set()).create).toHaveLength(planned.length);
  });

  it("keeps decided suggestions and does not suggest them again", () => {
    const [firstPutin] = planned;
    const changes = diffSuggestions([stored({ key: firstPutin, status: "DISMISSED" })], planned, new Set());
    expect(changes.create).toHaveLength(planned.length - 1);
    expect(changes.remove).toEqual([]);
  });

  it("silences every occurrence of a dismissed proposal", () => {
    const peskov = planned.find((p) => p.proposedName === "Dmitry Peskov")!;
    const changes = diffSuggestions([stored({ key: peskov, status: "DISMISSED", start: 999, end: 1010 })], planned, new Set());
    expect(changes.create.some((p) => p.proposedName === "Dmitry Peskov")).toBe(false);
  });

  it("removes open suggestions the text no longer supports and skips spans already linked", () => {
    const [firstPutin, ...rest] = planned.filter((p) => p.entityId === "putin");
    const gone = stored({ key: { ...firstPutin, start: 500, end: 505 } });
    const changes = diffSuggestions([gone], planned, new Set([`${firstPutin.start}:${firstPutin.end}:putin`]));
    expect(changes.remove).toEqual([gone.id]);
    expect(changes.create.filter((p) => p.entityId === "putin")).toEqual(rest);
  });

  it("updates the ambiguity of an open suggestion in place", () => {
    const [firstPutin] = planned;
    const changes = diffSuggestions([stored({ key: firstPutin, ambiguous: true })], planned, new Set());
    expect(changes.update).toEqual([{ id: `s-${suggestionKey(firstPutin)}`, ambiguous: false }]);
  });
});
