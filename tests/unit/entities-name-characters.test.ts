import { describe, expect, it } from "vitest";
import { normalizeName } from "@/lib/entities/match";
import { cleanName, hasBidiControl, hasMixedScriptWord, latinLookalike } from "@/lib/entities/name-characters";

describe("entity name characters", () => {
  it("drops invisible characters and full-width forms from a stored name", () => {
    expect(cleanName("\uFEFFAc\u200Bme\u00AD  Relief\u2060 Fund ")).toBe("Acme Relief Fund");
    expect(cleanName("\uFF21\uFF43\uFF4D\uFF45")).toBe("Acme");
  });

  it("spots text-direction controls", () => {
    expect(hasBidiControl("Acme\u202E")).toBe(true);
    expect(hasBidiControl("\u2067Acme\u2069")).toBe(true);
    expect(hasBidiControl("Acme Relief")).toBe(false);
  });

  it("gives a name with Cyrillic look-alikes inside a Latin word the key of the Latin name", () => {
    expect(normalizeName("\u0410\u0441me Relief")).toBe(normalizeName("Acme Relief"));
    expect(normalizeName("Ac\u200Bme")).toBe("acme");
    expect(hasMixedScriptWord("\u0410\u0441me Relief")).toBe(true);
    expect(hasMixedScriptWord("Acme Relief")).toBe(false);
  });

  it("leaves words written wholly in Cyrillic or Greek as they are", () => {
    expect(normalizeName("Сергей Лавров")).toBe("сергеи лавров");
    expect(hasMixedScriptWord("Gazprom Газпром")).toBe(false);
    expect(latinLookalike("Сергей")).toBeNull();
  });

  it("reads a name made only of look-alike letters as the Latin name it imitates", () => {
    expect(latinLookalike("\u0410\u0421\u041C\u0415")).toBe("ACME");
    expect(latinLookalike("ACME")).toBeNull();
  });
});
