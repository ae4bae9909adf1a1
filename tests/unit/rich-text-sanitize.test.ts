import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH } from "@/lib/html";
import { isSafeLinkHref, sanitizeDoc, type RichTextAllowlist } from "@/lib/rich-text/sanitize";

const text = (value: string, marks?: unknown[]) => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });

const PLAIN: RichTextAllowlist = { marks: ["bold"] };
const RICH: RichTextAllowlist = {
  marks: ["bold", "italic", "link"],
  textBlocks: { heading: (attrs) => ({ level: attrs.level === 3 ? 3 : 2 }) },
  containers: ["blockquote"],
  atoms: { pin: (attrs) => (typeof attrs.id === "string" ? { id: attrs.id } : null) },
  topBlocks: { gallery: (attrs) => (Array.isArray(attrs.ids) && attrs.ids.length > 0 ? { ids: attrs.ids } : null) },
};

describe("sanitizeDoc", () => {
  it("keeps only the marks the allowlist names, once each, in order", () => {
    const input = { type: "doc", content: [paragraph(text("Hi", [{ type: "italic" }, { type: "bold" }, { type: "bold" }, { type: "strike" }]))] };
    expect(sanitizeDoc(input, PLAIN)).toEqual({ type: "doc", content: [paragraph(text("Hi", [{ type: "bold" }]))] });
    expect(sanitizeDoc(input, RICH).content[0]).toEqual(paragraph(text("Hi", [{ type: "italic" }, { type: "bold" }])));
  });

  it("keeps a safe link's href only and turns an unsafe one into plain text", () => {
    const link = (href: string) => ({ type: "link", attrs: { href: ` ${href} `, target: "_blank", onclick: "x" } });
    const input = { type: "doc", content: [paragraph(text("a", [link("https://example.org/")]), text("b", [link("javascript:alert(1)")]))] };
    expect(sanitizeDoc(input, RICH).content[0]).toEqual(paragraph(text("a", [{ type: "link", attrs: { href: "https://example.org/" } }]), text("b")));
  });

  it("unwraps nodes outside the allowlist and keeps their text", () => {
    const input = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [text("Title")] },
        { type: "blockquote", content: [paragraph(text("Quote"))] },
      ],
    };
    expect(sanitizeDoc(input, PLAIN).content).toEqual([paragraph(text("Title")), paragraph(text("Quote"))]);
    expect(sanitizeDoc(input, RICH).content).toEqual([
      { type: "heading", attrs: { level: 3 }, content: [text("Title")] },
      { type: "blockquote", content: [paragraph(text("Quote"))] },
    ]);
  });

  it("wraps stray inline content in paragraphs and starts every list item with one", () => {
    const input = {
      type: "doc",
      content: [
        text("loose"),
        { type: "hardBreak" },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "bulletList", content: [paragraph(text("deep"))] }] }] },
      ],
    };
    expect(sanitizeDoc(input, PLAIN).content).toEqual([
      paragraph(text("loose"), { type: "hardBreak" }),
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [{ type: "paragraph" }, { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("deep"))] }] }] },
        ],
      },
    ]);
  });

  it("keeps an ordered list's start but not its numbering style, and drops empty lists", () => {
    const items = [{ type: "listItem", content: [paragraph(text("x"))] }];
    expect(sanitizeDoc({ type: "doc", content: [{ type: "orderedList", attrs: { start: 4, type: "i" }, content: items }] }, PLAIN).content).toEqual([
      { type: "orderedList", attrs: { start: 4 }, content: items },
    ]);
    expect(sanitizeDoc({ type: "doc", content: [{ type: "orderedList", content: [{ type: "listItem", content: [] }] }] }, PLAIN).content).toEqual([
      { type: "paragraph" },
    ]);
  });

  it("cleans atoms by the domain's rule and keeps top-level blocks at the top only", () => {
    const gallery = { type: "gallery", attrs: { ids: ["a"], style: "wide" } };
    const input = {
      type: "doc",
      content: [
        paragraph(text("See "), { type: "pin", attrs: { id: "p1", colour: "red" } }, { type: "pin", attrs: {} }),
        gallery,
        { type: "gallery", attrs: { ids: [] } },
        { type: "blockquote", content: [gallery, paragraph(text("q"))] },
      ],
    };
    expect(sanitizeDoc(input, RICH).content).toEqual([
      paragraph(text("See "), { type: "pin", attrs: { id: "p1" } }),
      { type: "gallery", attrs: { ids: ["a"] } },
      { type: "blockquote", content: [paragraph(text("q"))] },
    ]);
    // Without the allowlist entries, an atom is unwrapped (it has no text) and the block's content kept.
    expect(sanitizeDoc(input, PLAIN).content).toEqual([paragraph(text("See ")), paragraph(text("q"))]);
  });

  it("drops content nested beyond the limit instead of recursing without end, and never returns an empty document", () => {
    let deep: unknown = text("bottom");
    for (let level = 0; level < MAX_NESTING_DEPTH + 5; level += 1) deep = { type: "blockquote", content: [deep] };
    expect(sanitizeDoc({ type: "doc", content: [deep, paragraph(text("kept"))] }, RICH).content).toEqual([paragraph(text("kept"))]);
    expect(sanitizeDoc(null, PLAIN)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(sanitizeDoc("<script>", RICH)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});

describe("isSafeLinkHref", () => {
  it("allows absolute http(s) and mailto only", () => {
    expect(["https://a.example/", "http://a.example", "mailto:x@a.example"].every(isSafeLinkHref)).toBe(true);
    expect(
      ["javascript:alert(1)", "JaVa\tScript:alert(1)", "data:text/html,x", "/relative", `https://a.example/${"x".repeat(2100)}`].some(isSafeLinkHref),
    ).toBe(false);
  });
});
