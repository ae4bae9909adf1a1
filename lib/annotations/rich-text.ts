/**
 * Annotation comments: tiptap (ProseMirror) JSON restricted to a small, safe subset.
 *
 * - `richTextDocSchema` validates strictly (for API input: reject what the editor cannot produce).
 * - `sanitizeRichText` cleans anything into that subset (for stored or foreign data).
 * - `richTextToHtml` renders by hand from the JSON, never by parsing HTML, then runs the
 *   result through sanitize-html as a second line of defence.
 *
 * Pure module: no I/O, safe on client and server.
 */
import sanitizeHtml from "sanitize-html";
import { z } from "zod";
import { escapeHtml, isRecord, LINK_REL, MAX_NESTING_DEPTH, nestingDepth, wrapInMark } from "@/lib/html";
import { isSafeLinkHref, sanitizeDoc, type RichTextAllowlist } from "@/lib/rich-text/sanitize";

export { isSafeLinkHref };

export type BoldMark = { type: "bold" };
export type ItalicMark = { type: "italic" };
export type LinkMark = {
  type: "link";
  attrs: { href: string; target?: string | null; rel?: string | null; class?: string | null; title?: string | null };
};
export type RichTextMark = BoldMark | ItalicMark | LinkMark;

export type TextNode = { type: "text"; text: string; marks?: RichTextMark[] };
export type HardBreakNode = { type: "hardBreak" };
export type InlineNode = TextNode | HardBreakNode;

export type ParagraphNode = { type: "paragraph"; content?: InlineNode[] };
export type ListItemNode = { type: "listItem"; content: BlockNode[] };
export type BulletListNode = { type: "bulletList"; content: ListItemNode[] };
export type OrderedListNode = {
  type: "orderedList";
  attrs?: { start?: number; type?: OrderedListStyle | null };
  content: ListItemNode[];
};
export type BlockNode = ParagraphNode | BulletListNode | OrderedListNode;
export type RichTextDoc = { type: "doc"; content: BlockNode[] };

/** Longest comment, in characters (UTF-16 code units) of its plain text. */
export const MAX_COMMENT_CHARS = 10_000;
const ORDERED_LIST_STYLES = ["1", "a", "A", "i", "I"] as const;
export type OrderedListStyle = (typeof ORDERED_LIST_STYLES)[number];

function describeType(input: unknown): string {
  const type = isRecord(input) ? input.type : undefined;
  return typeof type === "string" ? `"${type}"` : "(missing)";
}

function unknownTypeMessage(kind: string, allowed: readonly string[]): z.core.$ZodErrorMap {
  return (issue) => (issue.code === "invalid_union" ? `Unknown ${kind} type ${describeType(issue.input)}; allowed: ${allowed.join(", ")}.` : undefined);
}

/** A strict object whose unknown-key error names the offending keys and where they were found. */
function strictObjectOf<Shape extends z.core.$ZodLooseShape>(owner: string, shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown key(s) in ${owner}: ${issue.keys.join(", ")}.` : undefined),
  });
}

const optionalString = z.string().nullable().optional();

const markSchema = z.discriminatedUnion(
  "type",
  [
    strictObjectOf("bold mark", { type: z.literal("bold") }),
    strictObjectOf("italic mark", { type: z.literal("italic") }),
    strictObjectOf("link mark", {
      type: z.literal("link"),
      attrs: strictObjectOf("link attrs", {
        href: z.string().refine(isSafeLinkHref, "Links must be absolute http(s) or mailto URLs."),
        // The tiptap Link extension always sends these; accepted so editor output validates, never rendered.
        target: optionalString,
        rel: optionalString,
        class: optionalString,
        title: optionalString,
      }),
    }),
  ],
  { error: unknownTypeMessage("mark", ["bold", "italic", "link"]) },
);

const inlineSchema = z.discriminatedUnion(
  "type",
  [
    strictObjectOf("text", {
      type: z.literal("text"),
      text: z.string().min(1, "Text nodes cannot be empty."),
      marks: z
        .array(markSchema)
        .refine((marks) => new Set(marks.map((mark) => mark.type)).size === marks.length, {
          message: "A mark cannot be applied twice.",
        })
        .optional(),
    }),
    strictObjectOf("hardBreak", { type: z.literal("hardBreak") }),
  ],
  { error: unknownTypeMessage("inline node", ["text", "hardBreak"]) },
);

const paragraphSchema = strictObjectOf("paragraph", {
  type: z.literal("paragraph"),
  content: z.array(inlineSchema).optional(),
});

// Mirrors tiptap's listItem content expression "paragraph block*".
const listItemSchema: z.ZodType<ListItemNode> = strictObjectOf("listItem", {
  type: z.literal("listItem"),
  content: z
    .array(z.lazy(() => blockSchema))
    .min(1, "A list item needs content.")
    .refine((blocks) => blocks[0]?.type === "paragraph", "A list item must start with a paragraph."),
});

const listItemsSchema = z.array(listItemSchema).min(1, "A list needs at least one item.");

const blockSchema = z.discriminatedUnion(
  "type",
  [
    paragraphSchema,
    strictObjectOf("bulletList", { type: z.literal("bulletList"), content: listItemsSchema }),
    strictObjectOf("orderedList", {
      type: z.literal("orderedList"),
      attrs: strictObjectOf("orderedList attrs", {
        start: z.int().min(0).optional(),
        type: z.enum(ORDERED_LIST_STYLES).nullable().optional(),
      }).optional(),
      content: listItemsSchema,
    }),
  ],
  { error: unknownTypeMessage("block node", ["paragraph", "bulletList", "orderedList"]) },
);

const docShapeSchema = strictObjectOf("doc", {
  type: z.literal("doc", { error: 'The top-level node must be of type "doc".' }),
  content: z.array(blockSchema).min(1, "A document needs at least one block."),
});

/** Strict validation of a comment document, including nesting depth and MAX_COMMENT_CHARS. */
export const richTextDocSchema: z.ZodType<RichTextDoc> = z
  .unknown()
  .refine((value) => nestingDepth(value) <= MAX_NESTING_DEPTH, {
    message: `Comment is nested too deeply (more than ${MAX_NESTING_DEPTH} levels).`,
    abort: true,
  })
  .pipe(docShapeSchema)
  .superRefine((doc, context) => {
    const length = richTextToPlain(doc).length;
    if (length > MAX_COMMENT_CHARS) {
      const [actual, maximum] = [length, MAX_COMMENT_CHARS].map((count) => count.toLocaleString("en"));
      context.addIssue({ code: "custom", message: `Comment is too long: ${actual} characters (maximum ${maximum}).` });
    }
  });

/** What a comment may hold: paragraphs and lists, bold, italic and safe links. */
const COMMENT_ALLOWLIST: RichTextAllowlist = { marks: ["bold", "italic", "link"] };

/**
 * Coerces any value into a valid document of the allowed subset, keeping the user's text
 * (see lib/rich-text/sanitize.ts). Does not enforce MAX_COMMENT_CHARS (validation does).
 */
export function sanitizeRichText(input: unknown): RichTextDoc {
  return sanitizeDoc(input, COMMENT_ALLOWLIST) as RichTextDoc;
}

function paragraph(content: InlineNode[]): ParagraphNode {
  return content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
}

/** Plain text for previews, search and length limits: blocks and list items on their own lines, no markers. */
export function richTextToPlain(doc: RichTextDoc): string {
  return blocksToPlain(doc.content);
}

function blocksToPlain(blocks: readonly BlockNode[]): string {
  return blocks.map(blockToPlain).join("\n");
}

function blockToPlain(block: BlockNode): string {
  if (block.type === "paragraph") {
    return (block.content ?? []).map((node) => (node.type === "text" ? node.text : "\n")).join("");
  }
  return block.content.map((item) => blocksToPlain(item.content)).join("\n");
}

/** A document with one paragraph per line, for API clients that send a plain string. */
export function plainTextToDoc(text: string): RichTextDoc {
  const lines = text.split(/\r\n|\r|\n/);
  return { type: "doc", content: lines.map((line) => paragraph(line === "" ? [] : [{ type: "text", text: line }])) };
}

const HTML_ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "ul", "ol", "li", "strong", "em", "a"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: LINK_REL }) },
};

/** Safe HTML for display. Accepts any value (e.g. a stored JSON column): it is sanitized first. */
export function richTextToHtml(doc: unknown): string {
  return sanitizeHtml(blocksToHtml(sanitizeRichText(doc).content), HTML_ALLOWLIST);
}

function blocksToHtml(blocks: readonly BlockNode[]): string {
  return blocks.map(blockToHtml).join("");
}

function blockToHtml(block: BlockNode): string {
  switch (block.type) {
    case "paragraph":
      return `<p>${(block.content ?? []).map(inlineToHtml).join("")}</p>`;
    case "bulletList":
      return `<ul>${listItemsToHtml(block.content)}</ul>`;
    case "orderedList": {
      const start = block.attrs?.start;
      return `<ol${start === undefined ? "" : ` start="${start}"`}>${listItemsToHtml(block.content)}</ol>`;
    }
  }
}

function listItemsToHtml(items: readonly ListItemNode[]): string {
  return items.map((item) => `<li>${blocksToHtml(item.content)}</li>`).join("");
}

function inlineToHtml(node: InlineNode): string {
  if (node.type === "hardBreak") return "<br>";
  // The first mark is the outermost, as in ProseMirror (links wrap bold/italic).
  return (node.marks ?? []).reduceRight((html, mark) => wrapInMark(mark, html), escapeHtml(node.text));
}
