import { describe, expect, it } from "vitest";
import { parseArticle } from "@/lib/articles/extract";
import { authorFromByline } from "@/lib/articles/html";

// Small pages written for these tests.
const PARAGRAPHS = [
  "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later than planned, after the builder ran into soft ground under the old quay.",
  "Engineers had to drive piles twice as deep as the first design allowed, the authority's director told reporters at a briefing on the waterfront, adding that the cost had risen by a fifth.",
  "Passengers will keep using the temporary pontoon until then, and the two evening crossings that were cut in the autumn will return from next month, the operator said in a statement.",
  "Local businesses near the quay said the delay would cost them another summer of visitors, while the council promised to look again at the parking charges on the seafront.",
];

function parseHtml(html: string) {
  return parseArticle({ bytes: new TextEncoder().encode(html), format: "html" });
}

function articlePage({ head = "", before = "", after = "", byline = "" }: { head?: string; before?: string; after?: string; byline?: string }) {
  return `<!doctype html><html><head>${head}</head><body>${before}<article>${byline}${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}${after}</article></body></html>`;
}

describe("HTML title", () => {
  it("is not the site's logo heading when the page title holds the headline", () => {
    const article = parseHtml(
      articlePage({
        head: `<title>Ferry terminal delayed by two years after builder hits soft ground | Courier</title><meta property="og:title" content="Ferry terminal delayed by two years after builder hits soft ground">`,
        before: `<header><h1>Courier</h1></header>`,
      }),
    );
    expect(article.title).toBe("Ferry terminal delayed by two years after builder hits soft ground");
  });

  it("is the visible headline without the site name the page title adds", () => {
    const article = parseHtml(
      articlePage({ head: `<title>Ferry terminal delayed - Port News - The Coastal Courier</title>`, before: `<h1>Ferry terminal delayed</h1>` }),
    );
    expect(article.title).toBe("Ferry terminal delayed");
  });
});

describe("HTML byline", () => {
  it("keeps the name of bylines with degrees, outlets, dates and links", () => {
    expect(authorFromByline("By Maria  Lindqvist, MA\n      Coastal Courier Health News")).toBe("Maria Lindqvist");
    expect(authorFromByline("By MARIA LINDQVIST\n  March 11, 2015 3:46 PM")).toBe("MARIA LINDQVIST");
    expect(authorFromByline("Maria Lindqvist (avec Jonas Berg)")).toBe("Maria Lindqvist");
    expect(authorFromByline("Maria Lindqvist (https://example.org/maria/)")).toBe("Maria Lindqvist");
    expect(authorFromByline("By admin - 2018-09-16")).toBe("admin");
  });

  it("keeps a short organisation byline and drops labels and dates", () => {
    expect(authorFromByline("Contributors to the harbour wiki")).toBe("Contributors to the harbour wiki");
    expect(authorFromByline("Last Updated: January 7, 2025")).toBeNull();
    expect(authorFromByline("Follow Author")).toBeNull();
  });

  it("comes from the page's byline element", () => {
    const article = parseHtml(articlePage({ byline: `<p class="byline">By Maria Lindqvist, Staff Writer</p>` }));
    expect(article.author).toBe("Maria Lindqvist");
  });
});

describe("HTML body", () => {
  it("drops captions and related-link boxes inside the article by their class", () => {
    const article = parseHtml(
      articlePage({
        after: `<div class="image-caption">The old quay at low tide, where the piles were driven.</div><div class="related-stories"><p>Harbour dredging to start in May as the port widens its channel for larger ships</p></div>`,
      }),
    );
    expect(article.paragraphs).toEqual(PARAGRAPHS);
    expect(article.removed.map((line) => line.reason)).toContain("caption");
  });

  it("drops lines outside the publisher's JSON-LD articleBody when it matches the page", () => {
    const jsonLd = JSON.stringify({ "@context": "https://schema.org", "@type": "NewsArticle", articleBody: PARAGRAPHS.join("\n") });
    const promo = "Get the Courier's morning briefing in your inbox every weekday with the stories that matter on the coast.";
    const article = parseHtml(articlePage({ head: `<script type="application/ld+json">${jsonLd}</script>`, after: `<p>${promo}</p>` }));
    expect(article.paragraphs).toEqual(PARAGRAPHS);
    expect(article.removed).toContainEqual({ text: promo, reason: "outside article" });
  });

  it("ignores an articleBody that is only a teaser of the page", () => {
    const jsonLd = JSON.stringify({ "@type": "NewsArticle", articleBody: PARAGRAPHS[0] });
    const promo = "Get the Courier's morning briefing in your inbox every weekday with the stories that matter on the coast.";
    const article = parseHtml(articlePage({ head: `<script type="application/ld+json">${jsonLd}</script>`, after: `<p>${promo}</p>` }));
    expect(article.paragraphs).toContain(PARAGRAPHS[3]);
    expect(article.paragraphs).toContain(promo);
  });
});
