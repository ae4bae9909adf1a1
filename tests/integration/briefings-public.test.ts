import { parseHTML } from "linkedom";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { BriefingDocument } from "@/components/briefings/public-pages";
import type { BriefingDoc } from "@/lib/briefings/document";
import { buildPublicFeed, getPublicBriefing, listPublishedBriefings } from "@/lib/briefings/public";
import {
  ARTICLE_TEXT,
  approvedBriefing,
  briefingApi,
  makeContradiction,
  makeEntity,
  makeEvent,
  makeNewsroom,
  makePassage,
  type Newsroom,
  type PassageFixture,
} from "../support/briefing-fixtures";

let newsroom: Newsroom;
let slug: string;
let briefingId: string;
let passage: PassageFixture;
let account: PassageFixture;
let resolvedSummary: string;
let disclosedSummary: string;
let entityId: string;
const TITLE = "Geneva talks: what we know </script><script>alert(1)</script>";
const REVIEW_COMMENT = "Internal: check with the desk before publishing";

/** A briefing with every kind of node, published once. */
beforeAll(async () => {
  newsroom = await makeNewsroom();
  passage = await makePassage(newsroom.editor, { outlet: "Geneva Daily" });
  account = await makePassage(newsroom.editor, { exact: "according to one delegate", outlet: "Lake Wire" });
  const disclosedAccount = await makePassage(newsroom.editor, { exact: "Neither side commented on the agenda", outlet: "Alpine Post" });
  const entity = await makeEntity("Ada Negotiator");
  entityId = entity.id;
  const first = await makeEvent("Geneva ceasefire talks", "2025-05-20");
  const second = await makeEvent("Second round announced", "2025-05-21");
  const resolved = await makeContradiction(newsroom.editor, {
    members: [passage.id, account.id],
    status: "RESOLVED",
    summary: "How long the Geneva talks lasted",
    rationale: "Two delegates confirmed six hours on the record.",
  });
  const disclosed = await makeContradiction(newsroom.editor, { members: [disclosedAccount.id], status: "DISCLOSED", summary: "Whether an agenda was agreed" });
  resolvedSummary = resolved.summary;
  disclosedSummary = disclosed.summary;
  const body: BriefingDoc = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "entityMention", attrs: { entityId: entity.id, label: "Ada" } },
          { type: "text", text: " led the " },
          { type: "eventRef", attrs: { eventId: first.id, label: "talks" } },
          { type: "text", text: ", which lasted six hours." },
          { type: "citation", attrs: { annotationIds: [passage.id], label: "" } },
        ],
      },
      { type: "timeline", attrs: { eventIds: [second.id, first.id] } },
      { type: "disagreements", attrs: { contradictionIds: [resolved.id, disclosed.id] } },
      { type: "keyActors", attrs: { entityIds: [entity.id] } },
    ],
  };
  briefingId = (await briefingApi.create(newsroom.editor, { title: TITLE, summary: "What happened in Geneva.", body })).json.briefing.id;
  // A round of review whose comment must stay internal.
  await briefingApi.submit(newsroom.editor, briefingId);
  await briefingApi.return(newsroom.analyst, briefingId, { comment: REVIEW_COMMENT });
  await briefingApi.submit(newsroom.editor, briefingId);
  await briefingApi.approve(newsroom.analyst, briefingId);
  const published = await briefingApi.publish(newsroom.editor, briefingId);
  expect(published.status).toBe(200);
  slug = published.json.path.replace("/briefings/", "");
});

function renderPage(briefing: NonNullable<Awaited<ReturnType<typeof getPublicBriefing>>>) {
  const html = renderToStaticMarkup(createElement(BriefingDocument, { briefing, styles: "" }));
  return { html, document: parseHTML(html).document };
}

describe("the public briefing page", () => {
  it("shows the frozen briefing with headings, its citation notes and the timeline picture", async () => {
    const briefing = await getPublicBriefing(slug);
    const { document } = renderPage(briefing!);
    expect(document.querySelector("article h1")?.textContent).toBe(TITLE);
    expect([...document.querySelectorAll("article h2")].map((h) => h.textContent)).toEqual(["What the sources disagree on", "Key actors", "Sources"]);
    expect(document.querySelector(".entity-mention")?.textContent).toBe("Ada Negotiator");
    expect(document.querySelector(".event-ref")?.textContent).toBe("Geneva ceasefire talks (20 May 2025)");

    const citation = document.querySelector(".briefing-body sup.citation a")!;
    expect(citation.getAttribute("href")).toBe("#note-1");
    const note = document.getElementById("note-1")!;
    expect(note.querySelector("blockquote")?.textContent).toContain(passage.exact);
    expect(note.querySelector(".source-outlet")?.textContent).toBe("Geneva Daily");
    expect(note.querySelector("cite")?.textContent).toBe(passage.title);
    expect(note.querySelector("time")?.textContent).toBe("20 May 2025");
    expect(note.querySelector("time")?.outerHTML).toMatch(/datetime="2025-05-20"/i);
    expect(note.querySelector("a[href^='https://']")?.getAttribute("href")).toBe(passage.url);
    // The passage in context: the whole sentence around the quote.
    expect(note.querySelector("details p")?.textContent).toBe("The talks lasted six hours, according to one delegate.");
    expect(note.querySelector("details mark")?.textContent).toBe(passage.exact);

    // The timeline: a picture of the events in date order, and the same events as a list.
    const timeline = document.querySelector("section[aria-label='Timeline']")!;
    const picture = timeline.querySelector("svg")!;
    expect([...picture.querySelectorAll("a > title")].map((title) => title.textContent)).toEqual([
      "Geneva ceasefire talks, 20 May 2025",
      "Second round announced, 21 May 2025",
    ]);
    const entries = [...timeline.querySelectorAll("ol li")];
    expect(entries.map((li) => li.querySelector(".timeline-date")?.textContent)).toEqual(["20 May 2025", "21 May 2025"]);
    expect(picture.querySelector("a")?.getAttribute("href")).toBe(`#${entries[0].id}`);
  });

  it("shows what the sources disagree on with the resolution and its reason", async () => {
    const { document } = renderPage((await getPublicBriefing(slug))!);
    const items = [...document.querySelectorAll(".disagreement")];
    expect(items.map((item) => item.querySelector("h3")?.textContent)).toEqual([resolvedSummary, disclosedSummary]);
    expect(items[0].querySelector(".verdict")?.textContent).toBe("Resolved: the newsroom accepts the account of Geneva Daily.");
    expect(items[0].querySelector(".reason")?.textContent).toBe("Reason: Two delegates confirmed six hours on the record.");
    expect([...items[0].querySelectorAll(".accounts .outlet")].map((o) => o.textContent)).toEqual(["Geneva Daily", "Lake Wire"]);
    expect(items[1].querySelector(".verdict")?.textContent).toContain("Disclosed");
    // Accounts are cited like any statement: the first passage keeps note 1.
    expect(items[0].querySelector(".accounts sup a")?.getAttribute("href")).toBe("#note-1");
  });

  it("carries JSON-LD: a NewsArticle and a ClaimReview for the resolved disagreement, with < escaped", async () => {
    const { html, document } = renderPage((await getPublicBriefing(slug))!);
    const scripts = [...document.querySelectorAll('script[type="application/ld+json"]')];
    expect(scripts).toHaveLength(1);
    const raw = scripts[0].textContent!;
    expect(raw).not.toContain("<");
    expect(html).not.toContain("<script>alert(1)");
    const data = JSON.parse(raw) as { "@type": string; url: string; datePublished: string; dateModified: string; citation: unknown[] }[];

    const article = data.find((item) => item["@type"] === "NewsArticle")!;
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      headline: TITLE,
      url: expect.stringMatching(new RegExp(`/briefings/${slug}$`)),
      author: { "@type": "Person", name: newsroom.editor.name },
      publisher: { "@type": "Organization", name: "Concord" },
    });
    expect(Date.parse(article.datePublished)).not.toBeNaN();
    expect(Date.parse(article.dateModified)).toBeGreaterThanOrEqual(Date.parse(article.datePublished));
    expect(article.citation).toContainEqual(expect.objectContaining({ url: passage.url, publisher: { "@type": "Organization", name: "Geneva Daily" } }));

    const reviews = data.filter((item) => item["@type"] === "ClaimReview");
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      claimReviewed: resolvedSummary,
      url: `${article.url}#disagreement-1`,
      author: { "@type": "Organization", name: "Concord" },
      reviewRating: {
        "@type": "Rating",
        alternateName: "Resolved: the newsroom accepts the account of Geneva Daily.",
        ratingExplanation: "Two delegates confirmed six hours on the record.",
      },
      itemReviewed: { "@type": "Claim", appearance: [expect.objectContaining({ url: passage.url }), expect.objectContaining({ url: account.url })] },
    });
    expect(Date.parse(reviews[0].datePublished)).not.toBeNaN();
  });

  it("exposes no workspace ids, emails, reviewer comments or drafts", async () => {
    await briefingApi.patch(newsroom.editor, briefingId, {
      version: 1,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "UNPUBLISHED DRAFT SENTENCE" }] }] },
    });
    const briefing = (await getPublicBriefing(slug))!;
    const { html } = renderPage(briefing);
    const everything = html + JSON.stringify(briefing) + (await buildPublicFeed());
    for (const secret of [
      briefingId,
      passage.id,
      account.id,
      passage.articleId,
      entityId,
      newsroom.editor.id,
      newsroom.editor.email,
      newsroom.analyst.email,
      REVIEW_COMMENT,
      "UNPUBLISHED DRAFT SENTENCE",
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("shows the retraction note and keeps the page", async () => {
    const passageToRetract = await makePassage(newsroom.editor, { text: ARTICLE_TEXT });
    const id = await approvedBriefing(newsroom, {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Soon retracted." },
            { type: "citation", attrs: { annotationIds: [passageToRetract.id], label: "" } },
          ],
        },
      ],
    });
    const published = await briefingApi.publish(newsroom.editor, id);
    await briefingApi.retract(newsroom.editor, id, { note: "The cited report was withdrawn." });
    const { document } = renderPage((await getPublicBriefing(published.json.path.replace("/briefings/", "")))!);
    expect(document.querySelector("[aria-label='Retraction']")?.textContent).toContain("The cited report was withdrawn.");
    expect(document.querySelector("article h1")?.textContent).toBeTruthy();
  });

  it("shows updates with their notes and links every earlier version", async () => {
    const cited = await makePassage(newsroom.editor);
    const paragraph = (text: string): BriefingDoc => ({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text },
            { type: "citation", attrs: { annotationIds: [cited.id], label: "" } },
          ],
        },
      ],
    });
    const id = await approvedBriefing(newsroom, paragraph("First account."));
    const first = await briefingApi.publish(newsroom.editor, id);
    const itemSlug = first.json.path.replace("/briefings/", "");
    for (const [version, note] of [
      [1, "Added the second round."],
      [2, "Corrected the venue."],
    ] as const) {
      await briefingApi.patch(newsroom.editor, id, { version, body: paragraph(`Account after: ${note}`) });
      await briefingApi.submit(newsroom.editor, id);
      await briefingApi.approve(newsroom.analyst, id);
      expect((await briefingApi.publish(newsroom.editor, id, { note })).json.version).toBe(version + 1);
    }
    const latest = renderPage((await getPublicBriefing(itemSlug))!).document;
    expect([...latest.querySelectorAll("[aria-label='Updates'] li")].map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Updated on .+ UTC: Corrected the venue\.$/),
      expect.stringMatching(/^Updated on .+ UTC: Added the second round\.$/),
    ]);
    const links = [...latest.querySelectorAll("nav.briefing-versions a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual([`/briefings/${itemSlug}/v/1`, `/briefings/${itemSlug}/v/2`]);

    const older = renderPage((await getPublicBriefing(itemSlug, 1))!).document;
    expect(older.querySelector(".version-notice")?.textContent).toContain("You are reading version 1");
    expect(older.querySelector(".briefing-body")?.textContent).toContain("First account.");
    expect(await getPublicBriefing(itemSlug, 9)).toBeNull();
  });

  it("lists published briefings only", async () => {
    const unpublished = await briefingApi.create(newsroom.editor, { title: "Never published" });
    const list = await listPublishedBriefings();
    expect(list.map((item) => item.slug)).toContain(slug);
    expect(list.map((item) => item.slug)).not.toContain(unpublished.json.briefing.slug);
    expect(await getPublicBriefing(unpublished.json.briefing.slug)).toBeNull();
  });
});

describe("the feed", () => {
  it("is an Atom feed with an entry per published briefing", async () => {
    const xml = await buildPublicFeed();
    const { DOMParser } = parseHTML("<html></html>");
    const feed = new DOMParser().parseFromString(xml, "text/xml");
    const root = feed.documentElement;
    expect(root.tagName).toBe("feed");
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2005/Atom");
    expect(root.querySelector("feed > title")?.textContent).toBe("Concord briefings");
    const entries = [...root.querySelectorAll("entry")];
    const entry = entries.find((item) => item.querySelector("link")?.getAttribute("href")?.endsWith(`/briefings/${slug}`))!;
    expect(entry).toBeDefined();
    expect(entry.querySelector("title")?.textContent).toBe(TITLE);
    expect(entry.querySelector("author name")?.textContent).toBe(newsroom.editor.name);
    expect(Date.parse(entry.querySelector("updated")!.textContent!)).not.toBeNaN();
    expect(Date.parse(entry.querySelector("published")!.textContent!)).not.toBeNaN();
    const content = entry.querySelector("content")!;
    expect(content.getAttribute("type")).toBe("html");
    expect(content.textContent).toContain("which lasted six hours.");
    expect(content.textContent).not.toContain("data-timeline");
    expect(xml).not.toContain("<script>alert(1)");
  });
});
