import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { BriefingDoc } from "@/lib/briefings/document";
import { buildAtomFeed, type FeedEntry } from "@/lib/briefings/feed";
import { buildBriefingJsonLd, serializeJsonLd } from "@/lib/briefings/json-ld";
import { passageInContext } from "@/lib/briefings/passage";
import { renderBriefing, sanitizeBriefingHtml, type RenderSources, type SourcePassage } from "@/lib/briefings/render";
import { splitAtTimelines } from "@/lib/briefings/timeline-slots";
import { slugify, suggestFreeSlug } from "@/lib/briefings/slug";

const TEXT = "Talks began at noon. Officials met in Geneva on Tuesday to discuss a ceasefire, a delegate said. Nothing was agreed.\n\nA new paragraph";

function selector(text: string, exact: string) {
  const start = text.indexOf(exact);
  return { exact, start, end: start + exact.length, prefix: "PREFIX ", suffix: " SUFFIX" };
}

describe("passageInContext", () => {
  it("gives the rest of the quote's sentence on both sides", () => {
    expect(passageInContext(TEXT, selector(TEXT, "met in Geneva"))).toEqual({
      before: "Officials ",
      quote: "met in Geneva",
      after: " on Tuesday to discuss a ceasefire, a delegate said.",
    });
  });

  it("stops at paragraph breaks and at a quote that ends its sentence", () => {
    expect(passageInContext(TEXT, selector(TEXT, "A new"))).toEqual({ before: "", quote: "A new", after: " paragraph" });
    expect(passageInContext(TEXT, selector(TEXT, "Nothing was agreed."))).toEqual({ before: "", quote: "Nothing was agreed.", after: "" });
  });

  it("cuts very long sentences at a word and marks the cut", () => {
    const long = `${"word ".repeat(200)}QUOTE ${"more ".repeat(200)}`;
    const context = passageInContext(long, selector(long, "QUOTE"));
    expect(context.before.startsWith("…word")).toBe(true);
    expect(context.after.endsWith("more…")).toBe(true);
    expect(context.before.length).toBeLessThan(300);
  });

  it("falls back to the stored selector context when the offsets no longer match", () => {
    expect(passageInContext("changed text", { exact: "gone", start: 0, end: 4, prefix: "  before ", suffix: " after  " })).toEqual({
      before: "before ",
      quote: "gone",
      after: " after",
    });
  });
});

const passage = (id: string, outlet: string): SourcePassage => ({
  annotationId: id,
  quote: `quote ${id}`,
  before: "",
  after: "",
  outlet,
  articleTitle: `Title ${id}`,
  url: `https://news.example/${id}`,
  publishedAt: "2025-05-20",
});

const SOURCES: RenderSources = {
  passages: new Map([
    ["a1", passage("a1", "Reuters")],
    ["a2", passage("a2", "AP")],
  ]),
  entities: new Map([["e1", { id: "e1", name: "Ada Current", typeLabel: "Person", description: "A negotiator" }]]),
  events: new Map([
    [
      "v1",
      {
        id: "v1",
        title: "Later",
        type: "TALKS",
        typeLabel: "Talks",
        date: { localDate: "2025-05-21", precision: "day", timeZone: null },
        dateLabel: "21 May 2025",
        occurredAt: "2025-05-21T00:00:00.000Z",
        place: null,
        description: null,
      },
    ],
    [
      "v2",
      {
        id: "v2",
        title: "Earlier",
        type: "MEETING",
        typeLabel: "Meeting",
        date: { localDate: "2025-05-20", precision: "day", timeZone: null },
        dateLabel: "20 May 2025",
        occurredAt: "2025-05-20T00:00:00.000Z",
        place: "Geneva",
        description: null,
      },
    ],
  ]),
  contradictions: new Map(),
};

describe("renderBriefing", () => {
  it("numbers sources by first citation, reuses numbers, and marks a missing source", () => {
    const doc: BriefingDoc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "One." },
            { type: "citation", attrs: { annotationIds: ["a2"], label: "" } },
          ],
        },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Two." },
            { type: "citation", attrs: { annotationIds: ["a1", "a2", "gone"], label: "" } },
          ],
        },
      ],
    };
    const rendered = renderBriefing(doc, SOURCES);
    expect(rendered.notes.map((note) => [note.number, note.outlet])).toEqual([
      [1, "AP"],
      [2, "Reuters"],
    ]);
    expect(rendered.notes.some((note) => "annotationId" in note)).toBe(false);
    const { document } = parseHTML(`<html><body>${rendered.html}</body></html>`);
    const links = [...document.querySelectorAll("sup.citation a")].map((a) => [a.getAttribute("href"), a.getAttribute("id"), a.textContent]);
    expect(links).toEqual([
      ["#note-1", "cite-1", "1"],
      ["#note-2", "cite-2", "2"],
      ["#note-1", null, "1"],
    ]);
    expect(document.querySelectorAll("sup.citation")[1].textContent).toBe("[2, 1, source unavailable]");
  });

  it("names entities by their current name and orders the timeline by date", () => {
    const doc: BriefingDoc = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "entityMention", attrs: { entityId: "e1", label: "Old name" } }] },
        { type: "timeline", attrs: { eventIds: ["v1", "v2", "missing"] } },
        { type: "keyActors", attrs: { entityIds: ["e1"] } },
      ],
    };
    const rendered = renderBriefing(doc, SOURCES);
    expect(rendered.html).toContain('<span class="entity-mention">Ada Current</span>');
    expect(rendered.timelines).toEqual([
      { entries: [expect.objectContaining({ title: "Earlier", place: "Geneva" }), expect.objectContaining({ title: "Later" })] },
    ]);
    expect(splitAtTimelines(rendered.html).map((segment) => segment.kind)).toEqual(["html", "timeline", "html"]);
    expect(rendered.html).toContain('<h2 id="section-1">Key actors</h2>');
  });

  it("escapes text and keeps only allowed markup", () => {
    const doc: BriefingDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: '<img src=x onerror="alert(1)">' }] }] };
    expect(renderBriefing(doc, SOURCES).html).toBe('<p>&lt;img src=x onerror="alert(1)"&gt;</p>');
    expect(sanitizeBriefingHtml('<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a><a href="https://x.example/">c</a></p>')).toBe(
      '<p>a<a rel="noopener noreferrer nofollow">b</a><a href="https://x.example/" rel="noopener noreferrer nofollow">c</a></p>',
    );
  });
});

describe("structured data", () => {
  it("escapes < so no value can close the script element", () => {
    const json = serializeJsonLd({ headline: "</script><script>alert(1)</script>" });
    expect(json).not.toContain("<");
    expect(JSON.parse(json).headline).toBe("</script><script>alert(1)</script>");
  });

  it("makes a ClaimReview only for resolved disagreements", () => {
    const base = { summary: "s", verdict: "v", rationale: null, resolvedAt: null, sources: [] };
    const data = buildBriefingJsonLd({
      url: "https://site.example/briefings/x",
      headline: "h".repeat(150),
      description: null,
      datePublished: "2025-05-20T00:00:00.000Z",
      dateModified: "2025-05-21T00:00:00.000Z",
      authorName: "Writer",
      publisherName: "Concord",
      publisherUrl: "https://site.example",
      notes: [],
      disagreements: [
        { ...base, anchor: "disagreement-1", status: "RESOLVED" },
        { ...base, anchor: "disagreement-2", status: "DISCLOSED" },
      ],
    });
    expect(data.map((item) => item["@type"])).toEqual(["NewsArticle", "ClaimReview"]);
    expect((data[0].headline as string).length).toBe(110);
    expect(data[1].url).toBe("https://site.example/briefings/x#disagreement-1");
  });

  it("names the language and cites each source article once, however many of its passages are cited", () => {
    const passage = (number: number, url: string | null, articleTitle: string) => ({
      number,
      quote: "q",
      before: "",
      after: "",
      outlet: "Wire",
      articleTitle,
      url,
      publishedAt: null,
    });
    const [article] = buildBriefingJsonLd({
      url: "https://site.example/briefings/x",
      headline: "h",
      description: null,
      datePublished: "2025-05-20T00:00:00.000Z",
      dateModified: "2025-05-21T00:00:00.000Z",
      authorName: "Writer",
      publisherName: "Concord",
      publisherUrl: "https://site.example",
      notes: [
        passage(1, "https://wire.example/a", "A"),
        passage(2, "https://wire.example/a", "A"),
        passage(3, null, "B"),
        passage(4, null, "B"),
        passage(5, "https://wire.example/c", "C"),
      ],
      disagreements: [],
    });
    expect(article.inLanguage).toBe("en");
    expect((article.citation as { name: string }[]).map((item) => item.name)).toEqual(["A", "B", "C"]);
  });
});

describe("the Atom feed", () => {
  const entry: FeedEntry = {
    slug: "a-b",
    title: 'Tom & Jerry <"talks">\u0001',
    summary: null,
    html: "<p>Body &amp; more</p>",
    timelines: [],
    notes: [],
    firstPublishedAt: "2025-05-20T00:00:00.000Z",
    updatedAt: "2025-05-21T00:00:00.000Z",
    version: 2,
    changeNote: "Fixed <b>",
    authorName: "Writer",
    retractedAt: null,
    retractionNote: null,
  };

  it("escapes text and HTML content so the XML stays well-formed", () => {
    const xml = buildAtomFeed({ baseUrl: "https://site.example", title: "Feed" }, [entry]);
    const { DOMParser } = parseHTML("<html></html>");
    const feed = new DOMParser().parseFromString(xml, "text/xml");
    expect(feed.querySelector("entry title")?.textContent).toBe('Tom & Jerry <"talks">');
    expect(feed.querySelector("entry content")?.textContent).toBe("<p><em>Updated: Fixed &lt;b&gt;</em></p><p>Body &amp; more</p>");
    expect(feed.querySelector("feed > updated")?.textContent).toBe("2025-05-21T00:00:00.000Z");
    expect(xml).not.toContain("\u0001");
  });

  it("carries the sources its citations point at and lists each timeline's events", () => {
    const note = { quote: "Talks resumed", before: "", after: ".", outlet: "Wire", articleTitle: "Talks", url: "https://wire.example/a", publishedAt: null };
    const xml = buildAtomFeed({ baseUrl: "https://site.example", title: "Feed" }, [
      {
        ...entry,
        changeNote: null,
        html: '<p>Talks resumed.<sup class="citation"><a href="#note-1">1</a></sup></p><h2>Timeline</h2><figure class="briefing-timeline" data-timeline="0"></figure>',
        timelines: [
          { entries: [{ title: "Geneva round", type: "TALKS", typeLabel: "Talks", date: null, dateLabel: "19 May 2025", occurredAt: null, place: null }] },
        ],
        notes: [{ number: 1, ...note }],
      },
    ]);
    const { DOMParser } = parseHTML("<html></html>");
    const content = new DOMParser().parseFromString(xml, "text/xml").querySelector("entry content")?.textContent ?? "";
    const html = parseHTML(`<html><body>${content}</body></html>`).document;
    for (const link of html.querySelectorAll('a[href^="#"]')) expect(html.getElementById(link.getAttribute("href")!.slice(1))).not.toBeNull();
    expect(html.getElementById("note-1")?.textContent).toContain("“Talks resumed” (Wire, Talks)");
    const heading = [...html.querySelectorAll("h2")].find((h) => h.textContent === "Timeline")!;
    expect(heading.nextElementSibling?.textContent).toBe("19 May 2025: Geneva round");
  });

  it("marks retracted briefings", () => {
    const xml = buildAtomFeed({ baseUrl: "https://site.example", title: "Feed" }, [
      { ...entry, retractedAt: "2025-05-22T00:00:00.000Z", retractionNote: "Withdrawn" },
    ]);
    expect(xml).toContain("<title>Retracted: Tom &amp; Jerry");
    expect(xml).toContain("<updated>2025-05-22T00:00:00.000Z</updated>");
  });
});

describe("slugs", () => {
  it("makes readable addresses and finds a free one", () => {
    expect(slugify("US–Russia contacts on the war in Ukraine")).toBe("us-russia-contacts-on-the-war-in-ukraine");
    expect(slugify("Überraschung: Ça va?")).toBe("uberraschung-ca-va");
    expect(slugify("!!!")).toBe("briefing");
    expect(suggestFreeSlug("talks", new Set(["talks", "talks-2"]))).toBe("talks-3");
    expect(suggestFreeSlug("free", new Set())).toBe("free");
  });
});
