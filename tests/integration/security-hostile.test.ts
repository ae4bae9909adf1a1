import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { isSafeLinkHref, richTextDocSchema } from "@/lib/annotations/rich-text";
import { briefingDocSchema } from "@/lib/briefings/document";
import { serializeJsonLd } from "@/lib/briefings/json-ld";
import { buildPublicFeed, getPublicBriefing } from "@/lib/briefings/public";
import { db } from "@/lib/db";
import { makeToken, makeUser } from "../support/fixtures";
import { HOSTILE_PAYLOADS } from "../support/hostile-payloads";
import { executableForms } from "../support/html-audit";
import { seedHostileContent, STORING_SURFACES, type HostileRole, type HostileWorld } from "../support/hostile-scenario";
import { callApiPath } from "../support/route-client";

/**
 * Every hostile payload goes in through every entry point of the JSON API (see
 * tests/support/hostile-scenario.ts); what the server stores and renders must hold it only
 * as text. The browser side (pages, CSP) is tests/e2e/security-hostile.spec.ts.
 */

let world: HostileWorld;

beforeAll(async () => {
  const tokens: Record<HostileRole, string> = {
    editor: await makeToken(await makeUser("EDITOR")),
    analyst: await makeToken(await makeUser("ANALYST")),
  };
  world = await seedHostileContent((as, method, path, body) => callApiPath(tokens[as], method, path, body), randomBytes(4).toString("hex"));
}, 300_000);

/** Everything that looks like a link mark in a tiptap document, however deep. */
function linkHrefs(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(linkHrefs);
  if (typeof node !== "object" || node === null) return [];
  const record = node as Record<string, unknown>;
  const marks = Array.isArray(record.marks) ? record.marks : [];
  const own = marks.filter((mark) => mark?.type === "link").map((mark) => mark.attrs?.href);
  return [...own, ...linkHrefs(record.content)];
}

const xmlUnescape = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

describe("hostile content through every entry point", () => {
  it("answers every offer with success or a clear refusal, never a server error, and stores payloads on every surface", () => {
    expect(world.attempts.filter((attempt) => attempt.status >= 500)).toEqual([]);
    expect(world.attempts.filter((attempt) => ![200, 201, 409, 422].includes(attempt.status))).toEqual([]);
    const stored = new Set(world.attempts.filter((attempt) => attempt.status < 300).map((attempt) => attempt.surface));
    expect(STORING_SURFACES.filter((surface) => !stored.has(surface))).toEqual([]);
    // Links to scripts are refused outright, never stored to be rendered inert later.
    for (const attempt of world.attempts.filter((a) => a.surface === "article url" || a.surface === "claim attribute")) expect(attempt.status).toBe(422);
  });

  it("keeps the payloads in article text and metadata as plain text", async () => {
    const article = await db.article.findUniqueOrThrow({
      where: { id: world.articleIds.html },
      include: { currentRevision: { select: { text: true, originalFilename: true } } },
    });
    expect(article.currentRevision!.text).toContain(HOSTILE_PAYLOADS[0].text);
    expect(article.currentRevision!.originalFilename).toContain("<img src=x onerror=");
    expect(article.url).toBeNull();
    const metadata = await db.article.findMany({
      where: { id: { in: world.articleIds.metadata } },
      select: { title: true, outlet: true, author: true, url: true },
    });
    expect(metadata.map((row) => row.title).join(" ")).toContain(HOSTILE_PAYLOADS[0].text);
    for (const row of metadata) expect(row.url === null || /^https?:\/\//.test(row.url)).toBe(true);
  });

  it("renders annotation comments to HTML with no executable form, and stores only safe links", async () => {
    const annotations = await db.annotation.findMany({
      where: { articleId: { in: [world.articleIds.html, world.articleIds.metadata[0]] } },
      select: { id: true, body: true, bodyHtml: true, tags: true },
    });
    expect(annotations.length).toBeGreaterThanOrEqual(HOSTILE_PAYLOADS.length);
    const withComments = annotations.filter((annotation) => annotation.bodyHtml !== "");
    expect(withComments.length).toBeGreaterThan(0);
    for (const annotation of annotations) {
      expect(executableForms(annotation.bodyHtml), annotation.bodyHtml).toEqual([]);
      expect(richTextDocSchema.safeParse(annotation.body).success || annotation.bodyHtml === "").toBe(true);
      for (const href of linkHrefs(annotation.body)) expect(isSafeLinkHref(String(href))).toBe(true);
    }
    // The payloads that were stored are there as escaped text.
    expect(withComments.map((annotation) => annotation.bodyHtml).join("\n")).toContain("javascript:window.__xss(");
    expect(annotations.flatMap((annotation) => annotation.tags).join(" ")).toContain("window.__xss(");

    const [first] = world.annotationIds;
    const { json } = await callApiPath(await makeToken(await makeUser("ANALYST")), "GET", `/api/annotations/${first}`);
    const commenting = json.body.find((item: { purpose: string }) => item.purpose === "commenting");
    expect(executableForms(commenting.value)).toEqual([]);
  });

  it("publishes HTML, source notes and structured data that carry the payloads only as text", async () => {
    for (const number of [1, 2]) {
      const briefing = (await getPublicBriefing(world.briefing.slug, number))!;
      const { html, jsonLd, notes, title, changeNote } = briefing.version;
      expect(executableForms(html), html).toEqual([]);
      // The text survived, escaped: payloads were neither dropped nor decoded into markup.
      expect(html).toContain("&lt;script&gt;window.__xss(");
      expect(html).toContain("&lt;img src=x onerror=window.__xss(");
      expect(html).toMatch(/class="key-actors"/);
      expect(html).toMatch(/class="disagreements"/);
      expect(notes.map((note) => note.quote).join("\n")).toContain(HOSTILE_PAYLOADS[0].text);
      expect(title.length).toBeGreaterThan(0);
      expect(changeNote).toContain("window.__xss(");

      const script = serializeJsonLd(jsonLd);
      expect(script).not.toContain("<");
      expect(script).not.toMatch(/[\u2028\u2029]/);
      expect(JSON.parse(script)).toEqual(jsonLd);
      expect(JSON.stringify(jsonLd)).toContain("window.__xss(");
    }
    const retracted = (await getPublicBriefing(world.retracted.slug))!;
    expect(retracted.retractionNote).toContain("window.__xss(");
  });

  it("stores briefing drafts inside the allowlist: smuggled nodes, attributes and script links are gone", async () => {
    for (const id of [world.briefing.id, world.retracted.id]) {
      const { body } = await db.briefing.findUniqueOrThrow({ where: { id }, select: { body: true } });
      expect(briefingDocSchema.safeParse(body).success).toBe(true);
      for (const href of linkHrefs(body)) expect(isSafeLinkHref(String(href))).toBe(true);
      expect(JSON.stringify(body)).not.toMatch(/"(?:onclick|onmouseover|onerror|style|src|target)":/);
    }
  });

  it("builds a well-formed Atom feed whose HTML content has no executable form", async () => {
    const feed = await buildPublicFeed(500);
    const elements = new Set([...feed.matchAll(/<\/?([A-Za-z:?]+)/g)].map((match) => match[1]));
    expect([...elements].sort()).toEqual(["?xml", "author", "content", "entry", "feed", "id", "link", "name", "published", "summary", "title", "updated"]);
    const entries = feed.split("<entry>").slice(1);
    const ours = entries.filter(
      (entry) => entry.includes(`/briefings/${world.briefing.slug}</id>`) || entry.includes(`/briefings/${world.retracted.slug}</id>`),
    );
    expect(ours).toHaveLength(2);
    for (const entry of ours) {
      const content = /<content type="html">([\s\S]*?)<\/content>/.exec(entry)![1];
      const html = xmlUnescape(content);
      expect(executableForms(html), html).toEqual([]);
      expect(html).toContain("window.__xss(");
    }
  });
});
