import { describe, expect, it } from "vitest";
import { prepareComment } from "@/lib/annotations/comment";
import { MAX_COMMENT_CHARS } from "@/lib/annotations/rich-text";
import { tagsSchema } from "@/lib/annotations/schemas";

const paragraph = (text: string, marks?: unknown[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] }],
});

describe("prepareComment", () => {
  it("stores a tiptap document with its sanitized HTML", () => {
    const result = prepareComment(
      paragraph("Source?", [{ type: "link", attrs: { href: "https://example.org/a", target: "_blank", rel: null, class: null } }]) as never,
    );
    expect(result).toEqual({
      ok: true,
      comment: {
        body: paragraph("Source?", [{ type: "link", attrs: { href: "https://example.org/a" } }]),
        bodyHtml: '<p><a href="https://example.org/a" rel="noopener noreferrer nofollow">Source?</a></p>',
        plain: "Source?",
      },
    });
  });

  it("turns plain text into paragraphs", () => {
    const result = prepareComment("First line\nSecond line");
    expect(result.ok && result.comment.bodyHtml).toBe("<p>First line</p><p>Second line</p>");
  });

  it("stores no HTML for an empty comment", () => {
    expect(prepareComment(undefined)).toMatchObject({ ok: true, comment: { bodyHtml: "" } });
    expect(prepareComment({ type: "doc", content: [{ type: "paragraph" }] })).toMatchObject({ ok: true, comment: { bodyHtml: "" } });
  });

  it("refuses HTML tags, whether sent as text or inside the document", () => {
    expect(prepareComment("<script>alert(1)</script>")).toMatchObject({ ok: false, message: expect.stringMatching(/HTML/) });
    expect(prepareComment(paragraph("see <b>this</b>") as never)).toMatchObject({ ok: false });
    expect(prepareComment("<!-- hidden -->")).toMatchObject({ ok: false });
    expect(prepareComment('x <img src=x onerror="alert(1)"')).toMatchObject({ ok: false });
    expect(prepareComment("closing </p")).toMatchObject({ ok: false });
  });

  it("keeps comparisons and arrows that are not tags", () => {
    const result = prepareComment("turnout < 40% and > 30%; if a < b and c > d; a <-> b");
    expect(result.ok && result.comment.bodyHtml).toBe("<p>turnout &lt; 40% and &gt; 30%; if a &lt; b and c &gt; d; a &lt;-&gt; b</p>");
  });

  it("refuses a comment over the limit and unknown node types", () => {
    expect(prepareComment("x".repeat(MAX_COMMENT_CHARS + 1))).toMatchObject({ ok: false, message: expect.stringMatching(/too long/) });
    expect(prepareComment("x".repeat(MAX_COMMENT_CHARS))).toMatchObject({ ok: true });
    expect(prepareComment({ type: "doc", content: [{ type: "heading", content: [] }] } as never)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Unknown block node type "heading"/),
    });
  });
});

describe("tagsSchema", () => {
  it("trims and drops duplicates regardless of case, keeping the first spelling", () => {
    expect(tagsSchema.parse([" Budget ", "budget", "vote"])).toEqual(["Budget", "vote"]);
  });

  it("refuses empty tags, commas and angle brackets", () => {
    expect(tagsSchema.safeParse(["  "]).success).toBe(false);
    expect(tagsSchema.safeParse(["a,b"]).success).toBe(false);
    expect(tagsSchema.safeParse(["<x>"]).success).toBe(false);
  });
});
