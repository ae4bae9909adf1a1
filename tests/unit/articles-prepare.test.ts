import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "@/lib/articles/extract";
import { articleMetadata, statedTimeLabel } from "@/lib/articles/article-metadata";
import { dryRunRecord, prepareImport, sourceFromText, tooLargeImport } from "@/lib/articles/prepare";
import { articleListQuerySchema, importTextSchema, updateArticleSchema } from "@/lib/articles/schemas";

const STORY = [
  "Ministers agree new plan for city transport",
  "By Anna Novak",
  "",
  "The city council approved a new transport plan on Tuesday after months of debate, officials said.",
  "",
  "Share this article",
  "",
  "The plan adds three bus lines and a night tram service, and it will be reviewed in two years.",
].join("\n");

describe("preparing an import", () => {
  it("says the preview's line choices do not fit a file that has no such line", () => {
    const prepared = prepareImport({ ...sourceFromText(STORY, { filename: "story.txt" }), decisions: [{ index: 999, kept: true }] });
    expect(prepared).toMatchObject({ ok: false, code: "decisions", error: "The lines chosen in the preview do not match this file." });
  });

  it("parses the bytes and hashes exactly them", () => {
    const source = sourceFromText(STORY, { filename: "transport.txt" });
    const prepared = prepareImport(source);
    if (!prepared.ok) throw new Error(prepared.error);
    expect(prepared.contentHash).toBe(createHash("sha256").update(new TextEncoder().encode(STORY)).digest("hex"));
    expect(prepared.file).toBe("transport.txt");
    expect(prepared.article.title).toBe("Ministers agree new plan for city transport");
    // A different byte (here a trailing newline) is different content.
    const other = prepareImport(sourceFromText(`${STORY}\n`));
    expect(other.ok && other.contentHash).not.toBe(prepared.contentHash);
  });

  it("turns a refused file into a per-file failure with the parser's message", () => {
    expect(prepareImport({ bytes: new Uint8Array(), filename: "empty.txt" })).toMatchObject({
      ok: false,
      file: "empty.txt",
      code: "empty",
      error: "The file is empty.",
    });
    expect(prepareImport({ bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), filename: "x.txt" })).toMatchObject({ ok: false, code: "binary" });
    expect(tooLargeImport("big.txt")).toMatchObject({ ok: false, file: "big.txt", code: "too-large", error: expect.stringContaining("5 MB") });
    expect(prepareImport({ bytes: new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61) })).toMatchObject({ ok: false, code: "too-large" });
  });

  it("reads pasted HTML as HTML when told so", () => {
    const html =
      "<p>Short intro that has enough words to count as the body of this small article today.</p><p>Second paragraph of the article, also with a reasonable number of words in it.</p>";
    const prepared = prepareImport(sourceFromText(html, { format: "html" }));
    expect(prepared.ok && prepared.article.format).toBe("html");
  });

  it("keeps the stored metadata in the database's vocabulary", () => {
    const prepared = prepareImport(sourceFromText(STORY));
    if (!prepared.ok) throw new Error(prepared.error);
    expect(articleMetadata(prepared.article)).toEqual({
      title: "Ministers agree new plan for city transport",
      titleProvisional: false,
      outlet: null,
      url: null,
      author: "Anna Novak",
      commentators: [],
      publishedAt: null,
      publishedTime: null,
      language: "en",
      kind: "NEWS",
      disclaimer: null,
    });
  });
});

describe("the stated publication time", () => {
  const html = `<!doctype html><html><head><meta property="article:published_time" content="2020-03-03T22:31:00-06:00"></head><body><article>${[
    "The city council approved a new transport plan on Tuesday after months of debate, officials said at a briefing.",
    "The plan adds three bus lines and a night tram service, and it will be reviewed in two years by an outside panel.",
  ]
    .map((p) => `<p>${p}</p>`)
    .join("")}</article></body></html>`;
  const prepare = (metadata?: { publishedAt?: string | null; author?: string | null }) => {
    const prepared = prepareImport({ ...sourceFromText(html, { format: "html" }), metadata });
    if (!prepared.ok) throw new Error(prepared.error);
    return prepared.article;
  };

  it("is read from the page's machine-written moment, in the zone it was written in", () => {
    expect(prepare()).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31-06:00" });
  });

  it("goes when the editor corrects the day, and stays for other corrections", () => {
    expect(prepare({ publishedAt: "2020-03-04" })).toMatchObject({ publishedAt: "2020-03-04", publishedTime: null });
    expect(prepare({ publishedAt: null })).toMatchObject({ publishedAt: null, publishedTime: null });
    expect(prepare({ author: "Anna Novak" })).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31-06:00" });
  });
});

describe("a stated time as shown", () => {
  it("names its zone, or says the source named none", () => {
    expect(statedTimeLabel("22:31-06:00")).toBe("22:31 UTC−06:00");
    expect(statedTimeLabel("09:05+00:00")).toBe("09:05 UTC");
    expect(statedTimeLabel("22:31")).toBe("22:31 (time zone not stated)");
  });
});

describe("the dry-run record", () => {
  const KEYS = ["file", "title", "outlet", "url", "author", "publishedAt", "language", "kind", "paragraphs", "removed", "error"];

  it("has exactly the documented keys, in order, for a parsed file", () => {
    const record = dryRunRecord("in/transport.txt", prepareImport(sourceFromText(STORY)));
    expect(Object.keys(record)).toEqual(KEYS);
    expect(record).toMatchObject({ file: "in/transport.txt", kind: "NEWS", error: null, author: "Anna Novak" });
    expect(record.paragraphs).toHaveLength(2);
    expect(record.removed).toEqual([
      { text: "Ministers agree new plan for city transport", reason: "headline" },
      { text: "By Anna Novak", reason: "byline" },
      { text: "Share this article", reason: "share prompt" },
    ]);
  });

  it("has the same keys, empty, with the message for a failed file", () => {
    const record = dryRunRecord("empty.txt", prepareImport({ bytes: new Uint8Array() }));
    expect(Object.keys(record)).toEqual(KEYS);
    expect(record).toEqual({
      file: "empty.txt",
      title: null,
      outlet: null,
      url: null,
      author: null,
      publishedAt: null,
      language: null,
      kind: null,
      paragraphs: [],
      removed: [],
      error: "The file is empty.",
    });
  });
});

describe("input schemas", () => {
  it("takes JSON with either text or html", () => {
    expect(importTextSchema.safeParse({ text: "x" }).success).toBe(true);
    expect(importTextSchema.safeParse({ html: "<p>x</p>", filename: "a.html" }).success).toBe(true);
    expect(importTextSchema.safeParse({}).success).toBe(false);
    expect(importTextSchema.safeParse({ text: "x", html: "y" }).success).toBe(false);
  });

  it("treats empty metadata fields as unknown and refuses non-web URLs and impossible dates", () => {
    const parsed = updateArticleSchema.parse({ articleId: "a", version: "3", outlet: " ", author: "", url: "", publishedAt: "" });
    expect(parsed).toMatchObject({ version: 3, outlet: null, author: null, url: null, publishedAt: null });
    expect(updateArticleSchema.safeParse({ articleId: "a", version: 1, url: "javascript:alert(1)" }).success).toBe(false);
    expect(updateArticleSchema.safeParse({ articleId: "a", version: 1, publishedAt: "2025-02-30x" }).success).toBe(false);
    expect(updateArticleSchema.safeParse({ articleId: "a", version: 1, title: "  " }).success).toBe(false);
  });

  it("reads list queries from the URL, ignoring empty fields and a bad page number", () => {
    expect(articleListQuerySchema.parse({ q: " harbour ", outlet: "", kind: "", page: "x" })).toEqual({ q: "harbour", page: 1 });
    expect(articleListQuerySchema.parse({ kind: "OPINION", from: "2025-01-01", sort: "title", page: "3" })).toMatchObject({
      kind: "OPINION",
      from: "2025-01-01",
      sort: "title",
      page: 3,
    });
    expect(articleListQuerySchema.safeParse({ from: "01/02/2025" }).success).toBe(false);
  });
});
