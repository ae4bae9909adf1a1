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

  it("keeps the name when the page glued the date to it", () => {
    expect(authorFromByline("by Maria Lindqvist22 Dec 2016651")).toBe("Maria Lindqvist");
  });

  it("comes from an author link in a header that Readability drops with the page's furniture", () => {
    const header = `<header class="entry-header"><h1>Ferry terminal delayed</h1><div class="entry-info"><address class="vcard"><a rel="author" href="/author/ml/">Maria Lindqvist</a></address><time>March 18, 2025</time></div></header>`;
    const article = parseHtml(articlePage({ before: header }));
    expect(article.author).toBe("Maria Lindqvist");
  });

  it("is the name alone when the author element also holds the date", () => {
    const byline = `<div class="article-author"><a href="/latest?author=ml"><span>Maria Lindqvist</span></a> <span>Monday, February 29, 2016 @ 11:10 PM UTC</span></div>`;
    const article = parseHtml(articlePage({ before: `<h1>Ferry terminal delayed</h1>${byline}` }));
    expect(article.author).toBe("Maria Lindqvist");
    const labelled = `<p class="byline"><span>By</span> <a href="/author/ml/">Maria Lindqvist</a><span>22 Dec 2016</span></p>`;
    expect(parseHtml(articlePage({ before: `<h1>Ferry terminal delayed</h1>${labelled}` })).author).toBe("Maria Lindqvist");
  });

  it("is never a commenter's name", () => {
    const comments = `<section id="comments"><div class="comment"><span class="comment-author">Jonas Berg</span><p>About time too.</p></div></section>`;
    const article = parseHtml(articlePage({ after: comments }));
    expect(article.author).toBeNull();
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
    const promo = "The council's transport committee meets on Thursday to decide where the new bus lanes along the seafront road will go.";
    const article = parseHtml(articlePage({ head: `<script type="application/ld+json">${jsonLd}</script>`, after: `<p>${promo}</p>` }));
    expect(article.paragraphs).toEqual(PARAGRAPHS);
    expect(article.removed).toContainEqual({ text: promo, reason: "outside article" });
  });

  it("ignores an articleBody that is only a teaser of the page", () => {
    const jsonLd = JSON.stringify({ "@type": "NewsArticle", articleBody: PARAGRAPHS[0] });
    const promo = "The council's transport committee meets on Thursday to decide where the new bus lanes along the seafront road will go.";
    const article = parseHtml(articlePage({ head: `<script type="application/ld+json">${jsonLd}</script>`, after: `<p>${promo}</p>` }));
    expect(article.paragraphs).toContain(PARAGRAPHS[3]);
    expect(article.paragraphs).toContain(promo);
  });

  it("drops lines that are links to other pages of the site, and the label of their list, but keeps links to other sites", () => {
    const article = parseHtml(
      articlePage({
        head: `<link rel="canonical" href="https://www.courier.example/news/ferry-terminal-delayed">`,
        after: `<p><a href="https://other.example.org/report.pdf">The authority's report on the ground conditions</a></p><p>More from the Courier:</p><p><a href="/news/bus-lanes">Council approves new bus lanes on the seafront road</a></p><p><a href="https://news.courier.example/storm">Storm closes the coastal path for a week</a></p>`,
      }),
    );
    expect(article.paragraphs).toEqual([...PARAGRAPHS, "The authority's report on the ground conditions"]);
    expect(article.removed).toEqual(
      expect.arrayContaining([
        { text: "More from the Courier:", reason: "related link" },
        { text: "Council approves new bus lanes on the seafront road", reason: "related link" },
        { text: "Storm closes the coastal path for a week", reason: "related link" },
      ]),
    );
  });

  it("drops a list whose every item links within the site", () => {
    const article = parseHtml(
      articlePage({
        head: `<link rel="canonical" href="https://www.courier.example/news/ferry-terminal-delayed">`,
        after: `<ul><li>Bus lanes: <a href="/news/bus-lanes">the council decides</a></li><li>Storm: <a href="/news/storm">coastal path closed</a></li></ul>`,
      }),
    );
    expect(article.paragraphs).toEqual(PARAGRAPHS);
  });

  it('drops a link to another story set on one line with its "Read also" label inside the article', () => {
    const inside = `<p><span>Read also</span><a href="/news/bus-lanes">Council approves new bus lanes</a></p>`;
    const html = articlePage({}).replace(`<p>${PARAGRAPHS[2]}</p>`, `${inside}<p>${PARAGRAPHS[2]}</p>`);
    const article = parseHtml(html);
    expect(article.paragraphs).toEqual(PARAGRAPHS);
    expect(article.removed).toContainEqual({ text: "Read alsoCouncil approves new bus lanes", reason: "related link" });
  });

  it("drops the kind of piece printed over the headline", () => {
    const article = parseHtml(articlePage({ byline: `<p class="content-type">Readout</p><h1>Ferry terminal delayed by two years</h1>` }));
    expect(article.paragraphs).toEqual(PARAGRAPHS);
    expect(article.removed).toContainEqual({ text: "Readout", reason: "section label" });
  });

  it("drops the repeated headline, the dateline and the author's byline above the article", () => {
    const article = parseHtml(
      articlePage({
        head: `<title>Ferry terminal delayed by two years | Courier</title><meta name="author" content="Maria Lindqvist">`,
        before: `<h1>Ferry terminal delayed by two years</h1>`,
        byline: `<p>Ferry terminal delayed by two years</p><p>Maria Lindqvist, Harbour Reporter</p><p>Updated 9:41 AM EST, Tuesday, November 19, 2019</p>`,
      }),
    );
    expect(article.paragraphs).toEqual(PARAGRAPHS);
    expect(article.author).toBe("Maria Lindqvist");
    expect(article.removed.map((line) => line.reason)).toEqual(expect.arrayContaining(["headline", "byline", "dateline"]));
  });

  it("drops reader prompts, credits and a note about the author after the article", () => {
    const article = parseHtml(
      articlePage({
        head: `<meta name="author" content="Maria Lindqvist">`,
        after: `<p>Maria Lindqvist is the Courier's harbour reporter.</p><p>Like this story? Share it with a friend, and sign up for our newsletter.</p><p>Advert</p><p>Follow the Courier on Instagram.</p><p>(Reporting by Maria Lindqvist; editing by Jonas Berg)</p>`,
      }),
    );
    expect(article.paragraphs).toEqual(PARAGRAPHS);
    expect(article.removed).toEqual(
      expect.arrayContaining([
        { text: "Like this story? Share it with a friend, and sign up for our newsletter.", reason: "subscription prompt" },
        { text: "(Reporting by Maria Lindqvist; editing by Jonas Berg)", reason: "credit" },
        { text: "Advert", reason: "subscription prompt" },
        { text: "Follow the Courier on Instagram.", reason: "subscription prompt" },
      ]),
    );
  });

  it("keeps a post embedded from a social network, and a source's address but not the page's own", () => {
    const tweet = "The new terminal will be worth the wait, the harbour master says, and the pontoon is fine until then";
    const article = parseHtml(
      `<!doctype html><html><head><link rel="canonical" href="https://www.courier.example/news/ferry"></head><body><article>${PARAGRAPHS.slice(0, 2)
        .map((p) => `<p>${p}</p>`)
        .join(
          "",
        )}<div class="social-media-embed"><blockquote class="twitter-tweet"><p>${tweet}</p>— Harbour Authority (@harbour) <a href="https://twitter.example/harbour/status/1">November 19, 2019</a></blockquote></div><p>https://www.courier.example/news/ferry</p><p>https://harbour.example.org/terminal-plan</p>${PARAGRAPHS.slice(
        2,
      )
        .map((p) => `<p>${p}</p>`)
        .join("")}</article></body></html>`,
    );
    expect(article.paragraphs).toContain(tweet);
    expect(article.paragraphs).toContain("https://harbour.example.org/terminal-plan");
    expect(article.paragraphs).not.toContain("https://www.courier.example/news/ferry");
  });

  it("reads a table row as one line, so that equal cells are not taken for repeated lines", () => {
    const article = parseHtml(
      articlePage({
        after: `<table><tr><th>Crossing</th><th>Winter</th><th>Summer</th></tr><tr><td>Evening</td><td>0</td><td>2</td></tr><tr><td>Night</td><td>0</td><td>0</td></tr></table>`,
      }),
    );
    expect(article.paragraphs).toEqual([...PARAGRAPHS, "Crossing Winter Summer", "Evening 0 2", "Night 0 0"]);
  });

  it("keeps the name a pop-up card is attached to and drops the card", () => {
    const card = `<span class="rollover-card">Harbour master since 2012. Latest stories: Dredging to start in May; Ferry fares frozen for winter; New pontoon opens</span>`;
    const article = parseHtml(
      articlePage({
        before: `<p>The harbour master, <span class="rollover-people"><a class="rollover-link" href="/people/jonas-berg">Jonas Berg</a>${card}</span>, said the terminal would be worth the wait for the town and its visitors.</p>`,
      }),
    );
    expect(article.paragraphs).toContain("The harbour master, Jonas Berg, said the terminal would be worth the wait for the town and its visitors.");
  });
});

describe("HTML date and byline the markup leaves unsaid", () => {
  const header = `<div class="head"><h1>Ferry terminal delayed by two years after builder hits soft ground</h1><div class="date">March 18, 2025</div><div class="credit">By Jane Doe</div></div>`;

  it("are read from the page's header, as in a copied page", () => {
    const article = parseHtml(articlePage({ head: "<title>Ferry terminal delayed</title>", before: header }));
    expect(article.publishedAt).toBe("2025-03-18");
    expect(article.author).toBe("Jane Doe");
  });

  it("take no name for the writer that only a name's shape over the date suggests, such as a blog's", () => {
    const blog = `<div class="blog-title">Harbour Notes</div><div class="date">March 18, 2025</div>`;
    const article = parseHtml(articlePage({ head: "<title>Ferry terminal delayed</title>", before: blog }));
    expect([article.publishedAt, article.author]).toEqual(["2025-03-18", null]);
  });

  it("give way to what the markup states, and a content system's empty date states nothing", () => {
    const stated = `<meta property="article:published_time" content="2025-03-17T10:00:00Z"><meta name="author" content="John Roe">`;
    const article = parseHtml(articlePage({ head: stated, before: header }));
    expect([article.publishedAt, article.author]).toEqual(["2025-03-17", "John Roe"]);
    const empty = parseHtml(articlePage({ head: `<meta property="article:published_time" content="0001-01-01T00:00:00Z">`, before: header }));
    expect(empty.publishedAt).toBe("2025-03-18");
  });
});
