import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import {
  MAX_COMMENT_CHARS,
  plainTextToDoc,
  type RichTextDoc,
  richTextDocSchema,
  richTextToHtml,
  richTextToPlain,
  sanitizeRichText,
} from "@/lib/annotations/rich-text";

/** A comment exactly as the tiptap editor (StarterKit + Link) serializes it. */
const EDITOR_DOC = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "See " },
        {
          type: "text",
          marks: [
            {
              type: "link",
              attrs: {
                href: "https://example.org/report?id=1&page=2",
                target: "_blank",
                rel: "noopener noreferrer nofollow",
                class: null,
                title: null,
              },
            },
            { type: "bold" },
          ],
          text: "the report",
        },
        { type: "hardBreak" },
        { type: "text", marks: [{ type: "italic" }], text: "page 2" },
      ],
    },
    {
      type: "bulletList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "first" }] }] }],
    },
    {
      type: "orderedList",
      attrs: { start: 3, type: null },
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "third" }] }] }],
    },
  ],
};

function paragraphWith(...inline: unknown[]): unknown {
  return { type: "doc", content: [{ type: "paragraph", content: inline }] };
}

function linkedText(href: string, text = "click"): unknown {
  return paragraphWith({ type: "text", text, marks: [{ type: "link", attrs: { href } }] });
}

function validationMessages(value: unknown): string[] {
  const result = richTextDocSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/** Every element and attribute a browser would build from the HTML. */
function parsedElements(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.body.querySelectorAll("*")].map((element) => ({
    tag: element.tagName.toLowerCase(),
    attributes: Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value])),
  }));
}

function bodyText(html: string): string {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body.textContent ?? "";
}

describe("richTextDocSchema", () => {
  it("accepts a document using every allowed node and mark, as the editor sends it", () => {
    const result = richTextDocSchema.safeParse(EDITOR_DOC);

    expect(result.success).toBe(true);
  });

  it("rejects an unknown node type, naming it", () => {
    const heading = {
      type: "doc",
      content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Hi" }] }],
    };
    const image = paragraphWith({ type: "image", attrs: { src: "x" } });

    expect(validationMessages(heading)).toEqual(['Unknown block node type "heading"; allowed: paragraph, bulletList, orderedList.']);
    expect(validationMessages(image)).toEqual(['Unknown inline node type "image"; allowed: text, hardBreak.']);
  });

  it("rejects an unknown mark, naming it", () => {
    const underlined = paragraphWith({ type: "text", text: "x", marks: [{ type: "underline" }] });

    expect(validationMessages(underlined)).toEqual(['Unknown mark type "underline"; allowed: bold, italic, link.']);
  });

  it("rejects unknown attributes such as an onerror handler", () => {
    const withHandler = paragraphWith({
      type: "text",
      text: "x",
      marks: [{ type: "link", attrs: { href: "https://example.org", onerror: "alert(1)" } }],
    });
    const paragraphAttrs = { type: "doc", content: [{ type: "paragraph", attrs: { style: "color:red" } }] };

    expect(validationMessages(withHandler)).toEqual(["Unknown key(s) in link attrs: onerror."]);
    expect(validationMessages(paragraphAttrs)).toEqual(["Unknown key(s) in paragraph: attrs."]);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "/relative/path",
    "//evil.example/",
  ])("rejects the link %j", (href) => {
    expect(validationMessages(linkedText(href))).toEqual(["Links must be absolute http(s) or mailto URLs."]);
  });

  it.each(["https://example.org/a", "http://example.org", "mailto:desk@example.org"])("accepts the link %j", (href) => {
    expect(validationMessages(linkedText(href))).toEqual([]);
  });

  it("accepts a comment of exactly MAX_COMMENT_CHARS characters and rejects one more", () => {
    expect(MAX_COMMENT_CHARS).toBe(10_000);
    expect(validationMessages(plainTextToDoc("a".repeat(MAX_COMMENT_CHARS)))).toEqual([]);
    expect(validationMessages(plainTextToDoc("a".repeat(MAX_COMMENT_CHARS + 1)))).toEqual(["Comment is too long: 10,001 characters (maximum 10,000)."]);
  });

  it("counts line breaks towards the limit, as they appear in the plain text", () => {
    const lines = plainTextToDoc(`${"a".repeat(5_000)}\n${"b".repeat(5_000)}`);

    expect(validationMessages(lines)).toEqual(["Comment is too long: 10,001 characters (maximum 10,000)."]);
  });

  it("rejects hostile nesting with a message instead of overflowing the stack", () => {
    let node: unknown = { type: "paragraph" };
    for (let level = 0; level < 50_000; level += 1) {
      node = { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }, node] }] };
    }

    expect(validationMessages({ type: "doc", content: [node] })).toEqual(["Comment is nested too deeply (more than 24 levels)."]);
  });

  it("rejects structures the editor cannot load", () => {
    expect(validationMessages({ type: "paragraph" })).toContain('The top-level node must be of type "doc".');
    expect(validationMessages({ type: "doc", content: [] })).toEqual(["A document needs at least one block."]);
    expect(validationMessages(paragraphWith({ type: "text", text: "" }))).toEqual(["Text nodes cannot be empty."]);
    expect(validationMessages({ type: "doc", content: [{ type: "bulletList", content: [] }] })).toEqual(["A list needs at least one item."]);
  });
});

describe("sanitizeRichText", () => {
  it("turns a javascript: link into plain text, keeping the words", () => {
    const cleaned = sanitizeRichText(linkedText("javascript:alert(document.cookie)", "free prize"));

    expect(cleaned).toEqual(plainTextToDoc("free prize"));
  });

  it("drops unknown attributes and marks but keeps safe links and formatting", () => {
    const cleaned = sanitizeRichText(
      paragraphWith({
        type: "text",
        text: "x",
        marks: [
          { type: "link", attrs: { href: " https://example.org ", target: "_blank", onclick: "steal()" } },
          { type: "underline" },
          { type: "bold", attrs: { style: "x" } },
        ],
      }),
    );

    expect(cleaned.content[0]).toEqual({
      type: "paragraph",
      content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "https://example.org" } }, { type: "bold" }] }],
    });
  });

  it("keeps the text of unknown nodes and always returns a valid document", () => {
    const cleaned = sanitizeRichText({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Heading" }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "Quoted" }] }] },
        { type: "image", attrs: { src: "x", onerror: "alert(1)" } },
      ],
    });

    expect(richTextToPlain(cleaned)).toBe("Heading\nQuoted");
    expect(richTextDocSchema.safeParse(cleaned).success).toBe(true);
  });

  it("returns the editor's document unchanged apart from the editor-only link attributes", () => {
    const cleaned = sanitizeRichText(EDITOR_DOC);

    expect(richTextDocSchema.safeParse(cleaned).success).toBe(true);
    expect(richTextToPlain(cleaned)).toBe(richTextToPlain(EDITOR_DOC as RichTextDoc));
    expect(JSON.stringify(cleaned)).not.toMatch(/target|_blank|"class"/);
  });

  it("returns an empty document for garbage", () => {
    expect(sanitizeRichText("<script>alert(1)</script>")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(sanitizeRichText(null)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});

describe("richTextToHtml", () => {
  it("renders the allowed structure with safe links", () => {
    expect(richTextToHtml(EDITOR_DOC)).toBe(
      '<p>See <a href="https://example.org/report?id=1&amp;page=2" rel="noopener noreferrer nofollow">' +
        "<strong>the report</strong></a><br /><em>page 2</em></p>" +
        "<ul><li><p>first</p></li></ul>" +
        '<ol start="3"><li><p>third</p></li></ol>',
    );
  });

  it("shows a script tag typed in a comment as text, never as markup", () => {
    const typed = "<script>alert('pwned')</script>";

    const html = richTextToHtml(plainTextToDoc(typed));

    expect(html).toContain("&lt;script&gt;");
    expect(parsedElements(html).map((element) => element.tag)).toEqual(["p"]);
    expect(bodyText(html)).toBe(typed);
  });

  it("never renders an event-handler attribute, whatever the input", () => {
    const hostile = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          attrs: { onclick: "alert(1)" },
          content: [{ type: "text", text: '<img src=x onerror="alert(1)">' }],
        },
        { type: "image", attrs: { src: "x", onerror: "alert(1)" } },
        {
          type: "paragraph",
          content: [
            {
              type: "text",
              text: "quote breakout",
              marks: [{ type: "link", attrs: { href: 'https://example.org/" onmouseover="alert(1)', onerror: "alert(1)" } }],
            },
          ],
        },
      ],
    };

    const elements = parsedElements(richTextToHtml(hostile));

    expect(elements.map((element) => element.tag)).toEqual(["p", "p", "a"]);
    for (const element of elements) {
      expect(Object.keys(element.attributes).filter((name) => name.startsWith("on"))).toEqual([]);
    }
    expect(elements[2].attributes).toEqual({
      href: 'https://example.org/" onmouseover="alert(1)',
      rel: "noopener noreferrer nofollow",
    });
  });

  it("renders a javascript: link as plain text", () => {
    const html = richTextToHtml(linkedText("javascript:alert(1)", "click me"));

    expect(html).toBe("<p>click me</p>");
  });
});

describe("plain text", () => {
  it("makes one paragraph per line and converts back to the same text", () => {
    const doc = plainTextToDoc("First line\r\n\nThird line");

    expect(doc.content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "First line" }] },
      { type: "paragraph" },
      { type: "paragraph", content: [{ type: "text", text: "Third line" }] },
    ]);
    expect(richTextDocSchema.safeParse(doc).success).toBe(true);
    expect(richTextToPlain(doc)).toBe("First line\n\nThird line");
  });

  it("flattens formatting, hard breaks and lists into lines for previews and search", () => {
    expect(richTextToPlain(EDITOR_DOC as RichTextDoc)).toBe("See the report\npage 2\nfirst\nthird");
  });
});
