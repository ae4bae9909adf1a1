import { describe, expect, it } from "vitest";
import { findDuplicateCandidates, SIMILAR_NAME_THRESHOLD } from "@/lib/entities/duplicate-candidates";
import { buildMatcher, normalizeName, similarNames, type Mention } from "@/lib/entities/match";
import { suggestNewEntities } from "@/lib/entities/new-entity-suggestions";

const ENTRIES = [
  { entityId: "putin", names: ["Vladimir Putin", "Putin"] },
  { entityId: "lavrov", names: ["Sergei Lavrov", "Sergey Lavrov", "Lavrov"] },
  { entityId: "zelenskyy", names: ["Volodymyr Zelenskyy", "Zelenskyy"] },
  { entityId: "kyiv", names: ["Kyiv"] },
  { entityId: "rubio", names: ["Marco Rubio", "Rubio"] },
  { entityId: "usa", names: ["United States", "US"] },
  { entityId: "may", names: ["Theresa May", "May"] },
];

function mentionsIn(text: string, entries = ENTRIES) {
  return buildMatcher(entries)
    .findMentions(text)
    .map((m: Mention) => ({ text: text.slice(m.start, m.end), ids: m.entityIds, exact: m.exact }));
}

describe("normalizeName", () => {
  it("ignores case, diacritics, typographic apostrophes, dashes and extra spaces", () => {
    expect(normalizeName("  Kyïv —  Łukaszenka’s “Zürich” ")).toBe(`kyiv - lukaszenka's "zurich"`);
    expect(normalizeName("ZELENSKYY")).toBe(normalizeName("Zelenskyy"));
    expect(normalizeName("Jean‑Claude")).toBe("jean-claude");
  });
});

describe("buildMatcher().findMentions", () => {
  it("matches the registered spelling variants Sergei and Sergey to the same entity", () => {
    expect(mentionsIn("Sergei Lavrov met Sergey Lavrov's deputy.")).toEqual([
      { text: "Sergei Lavrov", ids: ["lavrov"], exact: true },
      { text: "Sergey Lavrov", ids: ["lavrov"], exact: true },
    ]);
  });

  it("stops before a possessive ending, straight or curly", () => {
    const found = mentionsIn("Putin's aide and Lavrov’s deputy");
    expect(found.map((m) => m.text)).toEqual(["Putin", "Lavrov"]);
  });

  it("ignores case and diacritics but tells whether the spelling is exact", () => {
    expect(mentionsIn("ZELENSKYY arrived in Kyïv")).toEqual([
      { text: "ZELENSKYY", ids: ["zelenskyy"], exact: false },
      { text: "Kyïv", ids: ["kyiv"], exact: false },
    ]);
    // Decomposed diacritics (i + combining diaeresis) stay inside the word.
    expect(mentionsIn("Kyi\u0308v").map((m) => m.ids)).toEqual([["kyiv"]]);
  });

  it("does not match inside longer words", () => {
    expect(mentionsIn("Putinism and Rubiola are not people.")).toEqual([]);
  });

  it("prefers the longest alias over its parts", () => {
    expect(mentionsIn("Vladimir Putin spoke.")).toEqual([{ text: "Vladimir Putin", ids: ["putin"], exact: true }]);
  });

  it("does not join alias words across clause punctuation", () => {
    expect(mentionsIn("Vladimir, Putin said").map((m) => m.text)).toEqual(["Putin"]);
  });

  it("returns every entity of an alias shared by two entities", () => {
    const entries = [
      { entityId: "john-smith-ceo", names: ["John Smith"] },
      { entityId: "john-smith-mp", names: ["John Smith", "J. Smith"] },
    ];
    expect(mentionsIn("John Smith resigned.", entries)[0].ids).toEqual(["john-smith-ceo", "john-smith-mp"]);
  });

  it("does not take common lower-case words for acronyms or capitalized names", () => {
    expect(mentionsIn("He told us it may rain in the US.")).toEqual([{ text: "US", ids: ["usa"], exact: true }]);
  });

  it("returns JavaScript string offsets into the original text", () => {
    const text = "🇺🇦 Zelenskyy — “Putin’s” war";
    const found = buildMatcher(ENTRIES).findMentions(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(["Zelenskyy", "Putin"]);
  });

  it("finds every mention among 5,000 entities with 3 aliases each on a 10 KB article", () => {
    const entries = Array.from({ length: 5000 }, (_, i) => {
      const first = `Firstname${i.toString(36)}`;
      const last = `Surname${(i * 7919).toString(36)}`;
      return { entityId: `e${i}`, names: [`${first} ${last}`, last, `${first[0]}. ${last}`] };
    });
    const matcher = buildMatcher(entries);

    let text = "";
    for (let i = 0; text.length < 10_000; i++) {
      text += i % 5 === 0 ? `${entries[(i * 37) % 5000].names[0]}'s statement, ` : "officials said on Tuesday that ";
    }
    const found = matcher.findMentions(text);

    expect(found.length).toBeGreaterThan(50);
    expect(found.every((m) => m.entityIds.length === 1)).toBe(true);
  });
});

describe("suggestNewEntities", () => {
  const text =
    "Russian President Vladimir Putin's spokesman Dmitry Peskov said that Putin spoke with Donald Trump. " +
    "Foreign Minister Sergei Lavrov’s talks in Moscow went well, Dmitry Peskov said. Marco Rubio flew to Istanbul, Turkey.";

  it("proposes people, organizations and places with their positions", () => {
    const suggestions = suggestNewEntities(text, new Set());
    const peskov = suggestions.find((s) => s.name === "Dmitry Peskov");
    expect(peskov?.type).toBe("PERSON");
    expect(peskov?.occurrences.map((o) => text.slice(o.start, o.end))).toEqual(["Dmitry Peskov", "Dmitry Peskov"]);
    expect(suggestions.find((s) => s.name === "Istanbul")?.type).toBe("PLACE");
    expect(suggestions.find((s) => s.name === "Turkey")?.type).toBe("PLACE");
  });

  it("counts a surname alone as an occurrence of the full name found in the same text", () => {
    const putin = suggestNewEntities(text, new Set()).filter((s) => /putin/i.test(s.name));
    expect(putin).toHaveLength(1);
    expect(putin[0].occurrences.map((o) => text.slice(o.start, o.end))).toEqual(["Vladimir Putin", "Putin"]);
  });

  it("strips titles and possessive endings", () => {
    const names = suggestNewEntities(text, new Set()).map((s) => s.name);
    expect(names).toContain("Sergei Lavrov");
    expect(names.some((n) => /president|minister|’s|'s/i.test(n))).toBe(false);
  });

  it("proposes no honorific, title or adjective phrase as a name", () => {
    const copy =
      "Mr. Lavrov said the Russian state would respond. Mr Peskov agreed. The Russian military denied it. " +
      "Ms Kallas met Mr Rubio in Brussels. President said nothing. The Russian delegation left for the Bank of England.";
    const names = suggestNewEntities(copy, new Set()).map((s) => s.name);
    expect(names.filter((n) => /^(mr|mrs|ms|president)\.?$/i.test(n) || /russian (state|military|delegation)/i.test(n) || n === "Russian")).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(["Lavrov", "Peskov", "Brussels"]));
  });

  it("skips names already known by normalized name or alias", () => {
    const known = new Set(["moscow", "marco rubio", "dmitry peskov"].map(normalizeName));
    const names = suggestNewEntities(text, known).map((s) => s.name);
    expect(names).not.toContain("Moscow");
    expect(names).not.toContain("Marco Rubio");
    expect(names).not.toContain("Dmitry Peskov");
    expect(names).toContain("Sergei Lavrov");
  });
});

describe("similarNames", () => {
  it("scores transliteration variants above the duplicate threshold", () => {
    expect(similarNames("Sergei Lavrov", "Sergey Lavrov")).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD);
    expect(similarNames("Volodymyr Zelensky", "Volodymyr Zelenskyy")).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD);
  });

  it("lets a fitting initial count and ignores one that fits nothing", () => {
    expect(similarNames("S. Lavrov", "Sergey Lavrov")).toBe(1);
    expect(similarNames("Donald J. Trump", "donald trump")).toBe(1);
    expect(similarNames("K. Lavrov", "Sergey Lavrov")).toBeLessThan(SIMILAR_NAME_THRESHOLD);
  });

  it("keeps different people with a shared first name apart", () => {
    expect(similarNames("Donald Trump", "Donald Tusk")).toBeLessThan(SIMILAR_NAME_THRESHOLD);
    expect(similarNames("Kim Jong Un", "Kim Jong Il")).toBeLessThan(SIMILAR_NAME_THRESHOLD);
  });

  it("does not depend on word order", () => {
    expect(similarNames("Lavrov Sergei", "Sergei Lavrov")).toBe(1);
  });
});

describe("findDuplicateCandidates", () => {
  const entities = [
    { id: "p1", type: "PERSON", name: "Sergei Lavrov", aliases: ["Lavrov"] },
    { id: "p2", type: "PERSON", name: "Sergey Lavrov", aliases: [] },
    { id: "p3", type: "PERSON", name: "S. Lavrov", aliases: ["Lavrov"] },
    { id: "p4", type: "PERSON", name: "Donald Tusk", aliases: [] },
    { id: "p5", type: "PERSON", name: "Donald Trump", aliases: [] },
    { id: "o1", type: "ORGANIZATION", name: "Lavrov", aliases: [] },
  ];

  it("pairs entities sharing an alias and entities with similar names, each pair once", () => {
    const pairs = findDuplicateCandidates(entities).map((c) => `${c.aId}-${c.bId}:${c.reason}`);
    expect(pairs).toContain("p1-p3:shared alias");
    expect(pairs).toContain("p1-p2:similar name");
    expect(pairs).toContain("p2-p3:similar name");
    expect(pairs).not.toContain("p1-p3:similar name");
    expect(pairs.some((p) => p.startsWith("p4-p5"))).toBe(false);
  });

  it("never pairs entities of different types", () => {
    const pairs = findDuplicateCandidates(entities);
    expect(pairs.some((c) => c.aId === "o1" || c.bId === "o1")).toBe(false);
  });

  it("finds shared aliases among a few thousand entities", () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: `e${i}`,
      type: i % 2 ? "PERSON" : "ORGANIZATION",
      name: `Name${i} Family${Math.floor(i / 3)}`,
      aliases: [`Family${Math.floor(i / 3)}`],
    }));
    const pairs = findDuplicateCandidates(many);
    expect(pairs.some((c) => c.reason === "shared alias")).toBe(true);
  });
});
