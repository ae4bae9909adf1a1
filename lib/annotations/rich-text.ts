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
const MAX_LINK_CHARS = 2_048;
/**
 * Deepest node nesting accepted (doc > list > item > paragraph > text is 5; each nested
 * list adds 2). Checked before the recursive validation so that hostile input is rejected
 * instead of overflowing the stack.
 */
const SAFE_LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
const ORDERED_LIST_STYLES = ["1", "a", "A", "i", "I"] as const;
export type OrderedListStyle = (typeof ORDERED_LIST_STYLES)[number];

/** True for absolute http(s) and mailto URLs; false for javascript:, data:, relative URLs, etc. */
export function isSafeLinkHref(href: string): boolean {
  if (href.length > MAX_LINK_CHARS) return false;
  try {
    // The URL parser strips tabs/newlines and lowercases the scheme, defeating "JaVa\tScript:".
    return SAFE_LINK_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

function describeType(input: unknown): string {
  const type = isRecord(input) ? input.type : undefined;
  return typeof type === "string" ? `"${type}"` : "(missing)";
}

function unknownTypeMessage(kind: string, allowed: readonly string[]): z.core.$ZodErrorMap {
  return (issue) =>
    issue.code === "invalid_union"
      ? `Unknown ${kind} type ${describeType(issue.input)}; allowed: ${allowed.join(", ")}.`
      : undefined;
}

/** A strict object whose unknown-key error names the offending keys and where they were found. */
function strictObjectOf<Shape extends z.core.$ZodLooseShape>(owner: string, shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `Unknown key(s) in ${owner}: ${issue.keys.join(", ")}.` : undefined,
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

function childrenOf(node: Record<string, unknown>): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

/**
 * Coerces any value into a valid document of the allowed subset, keeping the user's text:
 * unknown attributes and marks are dropped, unsafe links become plain text, unknown nodes
 * (headings, quotes, code blocks…) are replaced by their content, stray text is wrapped in
 * paragraphs. Content nested beyond MAX_NESTING_DEPTH is dropped. Does not enforce
 * MAX_COMMENT_CHARS (validation does).
 */
export function sanitizeRichText(input: unknown): RichTextDoc {
  const content = cleanBlocks([input], 1);
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}

/** `depth` is the nesting depth of `nodes` themselves (the doc is 1), as in nestingDepth. */
function cleanBlocks(nodes: readonly unknown[], depth: number): BlockNode[] {
  if (depth > MAX_NESTING_DEPTH) return [];
  const blocks: BlockNode[] = [];
  let strayInline: InlineNode[] = [];
  const flushStrayInline = () => {
    if (strayInline.length > 0) blocks.push({ type: "paragraph", content: strayInline });
    strayInline = [];
  };
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    if (node.type === "text" || node.type === "hardBreak") {
      strayInline.push(...cleanInline([node], depth));
      continue;
    }
    flushStrayInline();
    if (node.type === "paragraph") blocks.push(paragraph(cleanInline(childrenOf(node), depth + 1)));
    else if (node.type === "bulletList" || node.type === "orderedList") blocks.push(...cleanList(node, depth));
    else blocks.push(...cleanBlocks(childrenOf(node), depth + 1));
  }
  flushStrayInline();
  return blocks;
}

function paragraph(content: InlineNode[]): ParagraphNode {
  return content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
}

/** Returns the cleaned list, or nothing when no item has content. */
function cleanList(node: Record<string, unknown>, depth: number): BlockNode[] {
  // Anything directly inside a list that is not a listItem is treated as an item's content.
  const items = childrenOf(node)
    .map((child) => (isRecord(child) && child.type === "listItem" ? childrenOf(child) : [child]))
    .map((itemContent) => cleanListItem(itemContent, depth + 2))
    .filter((item) => item !== null);
  if (items.length === 0) return [];
  if (node.type === "bulletList") return [{ type: "bulletList", content: items }];
  const start = isRecord(node.attrs) ? node.attrs.start : undefined;
  // Numbering style ("a", "i"…) is dropped: rendered lists are always decimal.
  if (typeof start === "number" && Number.isSafeInteger(start) && start >= 0 && start !== 1) {
    return [{ type: "orderedList", attrs: { start }, content: items }];
  }
  return [{ type: "orderedList", content: items }];
}

function cleanListItem(children: readonly unknown[], depth: number): ListItemNode | null {
  const blocks = cleanBlocks(children, depth);
  if (blocks.length === 0) return null;
  const content: BlockNode[] = blocks[0].type === "paragraph" ? blocks : [{ type: "paragraph" }, ...blocks];
  return { type: "listItem", content };
}

function cleanInline(nodes: readonly unknown[], depth: number): InlineNode[] {
  if (depth > MAX_NESTING_DEPTH) return [];
  return nodes.flatMap((node): InlineNode[] => {
    if (!isRecord(node)) return [];
    if (node.type === "hardBreak") return [{ type: "hardBreak" }];
    if (node.type !== "text") return cleanInline(childrenOf(node), depth + 1);
    if (typeof node.text !== "string" || node.text === "") return [];
    const marks = cleanMarks(node.marks);
    return [marks.length > 0 ? { type: "text", text: node.text, marks } : { type: "text", text: node.text }];
  });
}

function cleanMarks(marks: unknown): RichTextMark[] {
  if (!Array.isArray(marks)) return [];
  const cleaned = new Map<RichTextMark["type"], RichTextMark>();
  for (const mark of marks) {
    const safe = isRecord(mark) ? cleanMark(mark) : null;
    if (safe && !cleaned.has(safe.type)) cleaned.set(safe.type, safe);
  }
  return [...cleaned.values()];
}

function cleanMark(mark: Record<string, unknown>): RichTextMark | null {
  if (mark.type === "bold") return { type: "bold" };
  if (mark.type === "italic") return { type: "italic" };
  const href = mark.type === "link" && isRecord(mark.attrs) ? mark.attrs.href : undefined;
  if (typeof href === "string" && isSafeLinkHref(href.trim())) return { type: "link", attrs: { href: href.trim() } };
  return null;
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

