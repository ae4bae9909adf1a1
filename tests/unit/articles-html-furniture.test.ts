import { describe, expect, it } from "vitest";
import { dropClassifiedFurniture } from "@/lib/articles/html";

// A small page written for this test: an article, then a list of other stories' headlines.
const PARAGRAPHS = [
  "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later than planned, after the builder ran into soft ground under the old quay.",
  "Engineers had to drive piles twice as deep as the first design allowed, the authority's director told reporters at a briefing on the waterfront, adding that the cost had risen by a fifth.",
  "Passengers will keep using the temporary pontoon until then, and the two evening crossings that were cut in the autumn will return from next month, the operator said in a statement.",
  "Local businesses near the quay said the delay would cost them another summer of visitors, while the council promised to look again at the parking charges on the seafront.",
  "The builder said in a short statement that it had warned the authority about the ground conditions before the work began, and that it would not be paying the extra costs itself.",
  "Opposition councillors have asked for an independent review of the contract, which they say left the town carrying almost all of the risk of the project running late.",
];
const TEASERS = [
  "More from Courier",
  "Council approves new bus lanes",
  "Storm closes coastal path",
  "School rebuild plans unveiled",
  "Market traders fight rent rise",
];
const PAGE = ["Home", "News", "Sport", "Weather", ...PARAGRAPHS, ...TEASERS, "© 2026 Courier"];

describe("HTML article furniture", () => {
  it("removes teasers the line classifier is confident of after the article, and keeps every paragraph", () => {
    const lines = dropClassifiedFurniture(
      [...PARAGRAPHS, ...TEASERS].map((text) => ({ text })),
      PAGE,
      "en",
    );
    expect(lines.slice(0, PARAGRAPHS.length).every((line) => !line.preset)).toBe(true);
    expect(lines.at(-1)).toEqual({ text: TEASERS.at(-1), preset: "outside article" });
  });

  it("keeps a short article's lines as they are", () => {
    const short = [...PARAGRAPHS.slice(0, 2), ...TEASERS].map((text) => ({ text }));
    expect(dropClassifiedFurniture(short, [...PARAGRAPHS.slice(0, 2), ...TEASERS], "en")).toEqual(short);
  });
});
