import { describe, expect, it } from "vitest";
import { expandQuery, lookupKeys, otherSpellings } from "@/lib/articles/search-terms";

const registry = new Map([
  ["zelenskyy", ["Zelensky", "Zelenskiy", "Zelenskyy", "Volodymyr Zelensky", "V. Zelensky"]],
  ["sergei lavrov", ["Lavrov", "Sergei Lavrov", "Sergey Lavrov"]],
]);

describe("other spellings in full-text search", () => {
  it("looks up the whole name and each term, normalized", () => {
    expect(lookupKeys("Sergei Lavrov")).toEqual(["sergei lavrov", "sergei", "lavrov"]);
    expect(lookupKeys('"Sergei Lavrov" -talks')).toEqual(["sergei lavrov"]);
    expect(lookupKeys("ZELENSKYY")).toEqual(["zelenskyy"]);
  });

  it("searches the other spellings of an entity the query names, but no longer spelling that contains a shorter one", () => {
    expect(otherSpellings("Zelenskyy", registry.get("zelenskyy")!)).toEqual(["Zelensky", "Zelenskiy"]);
    expect(expandQuery("Zelenskyy", registry)).toEqual({ rest: "", terms: [{ term: "Zelenskyy", variants: ["Zelensky", "Zelenskiy"] }] });
  });

  it("expands a name among other words and keeps the rest as written", () => {
    expect(expandQuery('zelenskyy "grain deal" -tariffs', registry)).toEqual({
      rest: '"grain deal" -tariffs',
      terms: [{ term: "zelenskyy", variants: ["Zelensky", "Zelenskiy"] }],
    });
    expect(expandQuery("Sergei Lavrov", registry)).toEqual({ rest: "", terms: [{ term: "Sergei Lavrov", variants: ["Lavrov"] }] });
  });

  it("leaves queries alone that name no entity, exclude it or already list alternatives", () => {
    expect(expandQuery("ceasefire talks", registry)).toEqual({ rest: "ceasefire talks", terms: [] });
    expect(expandQuery("-zelenskyy", registry)).toEqual({ rest: "-zelenskyy", terms: [] });
    expect(expandQuery("zelenskyy OR putin", registry)).toEqual({ rest: "zelenskyy OR putin", terms: [] });
  });
});
