import { describe, expect, it } from "vitest";
import { normalizeLine } from "@/lib/articles/text";

describe("normalizeLine", () => {
  it("collapses runs of spaces and trims a plain ASCII line, keeping every other character", () => {
    expect(normalizeLine("  Talks  in   Geneva ended.  ")).toBe("Talks in Geneva ended.");
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
    for (const line of [printable, `  ${printable}   ${printable} `, "a  b", " ", ""]) {
      expect(normalizeLine(line)).toBe(line.split(" ").filter(Boolean).join(" "));
    }
  });

  it("removes invisible characters, composes accents and collapses every kind of space", () => {
    expect(normalizeLine("soft\u00adhyphen and zero\u200bwidth")).toBe("softhyphen and zerowidth");
    expect(normalizeLine("Caf\u0065\u0301 \u00a0\tcorner\u3000")).toBe("Café corner");
    expect(normalizeLine("bell\u0007 and\u007f delete")).toBe("bell and delete");
  });
});
