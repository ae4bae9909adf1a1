import { describe, expect, it } from "vitest";
import { normalizeLine, splitTextIntoLines } from "@/lib/articles/text";

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

describe("splitTextIntoLines", () => {
  const texts = (text: string) => splitTextIntoLines(text).map((line) => line.text);

  it("keeps each line of a copied page apart, even one starting in lower case", () => {
    const copied = [
      "Inicio",
      "La terminal de ferris se retrasa dos años",
      "por Ana Ruiz",
      "martes, 3 de marzo de 2020",
      "La autoridad portuaria dijo el martes que la nueva terminal de ferris abrirá en primavera, dos años más tarde de lo previsto, después de que el constructor encontrara suelo blando.",
      "Follow us",
      "twitter",
      "facebook",
    ].join("\n");
    expect(texts(copied)).toEqual(copied.split("\n"));
  });

  it("keeps the lines of a copied page without long lines apart, though a few long titles end without a stop", () => {
    const copied = [
      "Home",
      "World",
      "Business",
      "Sport",
      "Ferry terminal delayed by two years after builder hits soft ground",
      "by Maria Lindqvist",
      "March 3, 2020",
      "The harbour authority said on Tuesday that the terminal would open in the spring.",
      "Engineers had to drive piles twice as deep as the first design allowed.",
      "Passengers will keep using the temporary pontoon until then.",
      "More from Ports",
      "New crane for the container quay arrives from the shipyard at last",
      "Tide tables",
      "Contact us",
      "Follow us",
      "twitter",
    ].join("\n");
    expect(texts(copied)).toEqual(copied.split("\n"));
  });

  it("joins the lines of a hard-wrapped paragraph, including one starting in lower case", () => {
    const wrapped = [
      "Ferry terminal delayed",
      "",
      "The harbour authority said on Tuesday that the new ferry terminal would open",
      "in the spring, two years later than planned, after the builder ran into soft",
      "ground under the old quay.",
    ].join("\n");
    expect(texts(wrapped)).toEqual([
      "Ferry terminal delayed",
      "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later than planned, after the builder ran into soft ground under the old quay.",
    ]);
  });

  it("makes whole the words the wrap broke with a hyphen, keeping the hyphen of a compound", () => {
    const wrapped = [
      "Harbour talks to resume",
      "",
      "The ministers of the two countries agreed on Tuesday to resume nego-",
      "tiations on the northern harbour, a long-term plan that stalled last",
      "autumn over the cost of dredging and over the future of the Kelmar-",
      "Ostrava ferry link. Technical teams will meet in Geneva beforehand to",
      "pre-",
      "pare a draft agreement on the division of costs, and the long-",
      "term plan is to finish the new quay and the channel by the end of 2026.",
    ].join("\n");
    expect(texts(wrapped)).toEqual([
      "Harbour talks to resume",
      "The ministers of the two countries agreed on Tuesday to resume negotiations on the northern harbour, a long-term plan that stalled last autumn over the cost of dredging and over the future of the Kelmar-Ostrava ferry link. Technical teams will meet in Geneva beforehand to prepare a draft agreement on the division of costs, and the long-term plan is to finish the new quay and the channel by the end of 2026.",
    ]);
  });

  it("keeps a hard-wrapped title apart from its byline, which would have fitted on its line", () => {
    const wrapped = [
      "Ferry terminal delayed by two years as builder hits soft ground",
      "By Maria Lindqvist",
      "",
      "The harbour authority said on Tuesday that the new ferry terminal would",
      "open in the spring, two years later than planned, after the builder ran",
      "into soft ground under the old quay, where engineers had to drive piles",
      "twice as deep as the first design allowed.",
    ].join("\n");
    expect(texts(wrapped)).toEqual([
      "Ferry terminal delayed by two years as builder hits soft ground",
      "By Maria Lindqvist",
      "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later than planned, after the builder ran into soft ground under the old quay, where engineers had to drive piles twice as deep as the first design allowed.",
    ]);
  });

  it("keeps a hard-wrapped title reaching the wrap width apart from the date or byline under it", () => {
    const wrapped = [
      "Harbour Authority Confirms New Ferry Terminal Will Open Two Years Late",
      "Monday November 18, 2019 7:45 am PST by Maria Lindqvist",
      "",
      "The harbour authority said on Tuesday that the new ferry terminal would",
      "open in the spring, two years later than planned, after the builder ran",
      "into soft ground under the old quay, where engineers had to drive piles",
      "twice as deep as the first design allowed. Work resumed on Monday",
      "November 18 after a pause of three weeks.",
    ].join("\n");
    expect(texts(wrapped)).toEqual([
      "Harbour Authority Confirms New Ferry Terminal Will Open Two Years Late",
      "Monday November 18, 2019 7:45 am PST by Maria Lindqvist",
      "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later than planned, after the builder ran into soft ground under the old quay, where engineers had to drive piles twice as deep as the first design allowed. Work resumed on Monday November 18 after a pause of three weeks.",
    ]);
  });

  it("rejoins a hard-wrapped article among many short menu lines, also where a line starts with a name", () => {
    const menu = ["Home", "World", "Business", "Sport", "Culture", "Opinion", "Weather", "Podcasts", "Newsletters", "Contact us"];
    const wrapped = [
      ...menu,
      "Ferry terminal delayed",
      "The harbour authority said on Tuesday that the new ferry terminal would",
      "open in the spring, two years later than planned, according to director",
      "Maria Lindqvist, after the builder ran into soft ground under the quay.",
      "Engineers had to drive piles twice as deep as the first design allowed,",
      "said the project's chief engineer, who spoke to reporters at the site",
      "Tuesday afternoon.",
      ...menu,
    ].join("\n");
    expect(texts(wrapped)).toEqual([
      ...menu,
      "Ferry terminal delayed",
      "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later than planned, according to director Maria Lindqvist, after the builder ran into soft ground under the quay.",
      "Engineers had to drive piles twice as deep as the first design allowed, said the project's chief engineer, who spoke to reporters at the site Tuesday afternoon.",
      ...menu,
    ]);
  });

  it("rejoins a hard-wrapped e-mail whose subject and an address run past the wrap", () => {
    const mail = [
      "From: Wire Desk <wire-desk@harbour-herald.example>",
      "Subject: FW: Ferry terminal delayed by two years after the builder hits soft ground",
      "",
      "The harbour authority said on Tuesday that the new ferry terminal would",
      "open in the spring, two years later than planned, after the builder ran",
      "into soft ground under the old quay.",
      "",
      "Engineers had to drive piles twice as deep as the first design allowed,",
      "the authority's director told reporters at a briefing on the waterfront.",
      "",
      "https://www.harbour-herald.example/news/2025/03/18/ferry-terminal-delayed-soft-ground",
    ].join("\n");
    expect(texts(mail)).toEqual([
      "From: Wire Desk <wire-desk@harbour-herald.example>",
      "Subject: FW: Ferry terminal delayed by two years after the builder hits soft ground",
      "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later than planned, after the builder ran into soft ground under the old quay.",
      "Engineers had to drive piles twice as deep as the first design allowed, the authority's director told reporters at a briefing on the waterfront.",
      "https://www.harbour-herald.example/news/2025/03/18/ferry-terminal-delayed-soft-ground",
    ]);
  });
});
