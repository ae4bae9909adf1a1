/**
 * The briefing body: tiptap (ProseMirror) JSON restricted to an allowlist.
 *
 * Text blocks (paragraph, heading 2–3, blockquote, lists) with bold, italic and safe links;
 * inline atoms that point into the workspace (citation, entityMention, eventRef); and
 * top-level blocks the public page renders from workspace data (timeline, disagreements,
 * keyActors). Nodes carry ids only: names, quotes and dates are looked up when rendering
 * so that a published version freezes what the workspace said at that moment.
 *
 * - `sanitizeBriefingDoc` coerces anything into the allowlist (drops unknown attributes,
 *   unknown nodes keep their text, unsafe links become plain text);
 * - `briefingDocSchema` validates strictly, including size limits.
 *
 * Pure module: no I/O, safe on client and server.
 */
import { z } from "zod";
import { isSafeLinkHref } from "@/lib/annotations/rich-text";
import { BRIEFING_NODES } from "./node-names";
import { isRecord, MAX_NESTING_DEPTH, nestingDepth } from "@/lib/html";

export { BRIEFING_NODES };

export type BoldMark = { type: "bold" };
export type ItalicMark = { type: "italic" };
export type LinkMark = { type: "link"; attrs: { href: string } };
export type BriefingMark = BoldMark | ItalicMark | LinkMark;

export type TextNode = { type: "text"; text: string; marks?: BriefingMark[] };
export type HardBreakNode = { type: "hardBreak" };
/** `label` is what the editor shows; public rendering always uses the workspace's current data. */
export type CitationNode = { type: "citation"; attrs: { annotationIds: string[]; label: string } };
export type EntityMentionNode = { type: "entityMention"; attrs: { entityId: string; label: string } };
export type EventRefNode = { type: "eventRef"; attrs: { eventId: string; label: string } };
export type InlineNode = TextNode | HardBreakNode | CitationNode | EntityMentionNode | EventRefNode;

export type ParagraphNode = { type: "paragraph"; content?: InlineNode[] };
export type HeadingNode = { type: "heading"; attrs: { level: 2 | 3 }; content?: InlineNode[] };
export type BlockquoteNode = { type: "blockquote"; content: TextBlockNode[] };
export type ListItemNode = { type: "listItem"; content: TextBlockNode[] };
export type BulletListNode = { type: "bulletList"; content: ListItemNode[] };
export type OrderedListNode = { type: "orderedList"; attrs?: { start: number }; content: ListItemNode[] };
export type TextBlockNode = ParagraphNode | HeadingNode | BlockquoteNode | BulletListNode | OrderedListNode;

export type TimelineNode = { type: "timeline"; attrs: { eventIds: string[] } };
export type DisagreementsNode = { type: "disagreements"; attrs: { contradictionIds: string[] } };
export type KeyActorsNode = { type: "keyActors"; attrs: { entityIds: string[] } };
export type InsertedBlockNode = TimelineNode | DisagreementsNode | KeyActorsNode;

export type TopBlockNode = TextBlockNode | InsertedBlockNode;
export type BriefingDoc = { type: "doc"; content: TopBlockNode[] };

/** Longest body, in characters of its plain text. */
export const MAX_BODY_CHARS = 100_000;
export const MAX_IDS_PER_NODE = 100;
const MAX_LABEL_CHARS = 300;
/** Ids are cuids in practice; anything else is never looked up. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function emptyBriefingDoc(): BriefingDoc {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

// ───────────────────────────── sanitizing ─────────────────────────────

function childrenOf(node: Record<string, unknown>): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

function attrsOf(node: Record<string, unknown>): Record<string, unknown> {
  return isRecord(node.attrs) ? node.attrs : {};
}

function cleanId(value: unknown): string | null {
  return typeof value === "string" && ID_PATTERN.test(value) ? value : null;
}

function cleanIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  const ids = list.map((item) => cleanId(typeof item === "string" ? item.trim() : item)).filter((id): id is string => id !== null);
  return [...new Set(ids)].slice(0, MAX_IDS_PER_NODE);
}

function cleanLabel(value: unknown): string {
  if (typeof value !== "string") return "";
  // Never cut inside a surrogate pair: PostgreSQL refuses half a character in JSON.
  return value.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, MAX_LABEL_CHARS).replace(/[\uD800-\uDBFF]$/, "");
}

const INLINE_TYPES = new Set(["text", "hardBreak", BRIEFING_NODES.citation, BRIEFING_NODES.entityMention, BRIEFING_NODES.eventRef]);

/**
 * Coerces any value into a valid briefing document, keeping the writer's text: unknown
 * attributes and marks are dropped, unsafe links become plain text, unknown nodes are
 * replaced by their content, stray inline content is wrapped in paragraphs, inserted
 * blocks are kept only at the top level, references without a usable id are dropped.
 * Does not enforce MAX_BODY_CHARS (validation does).
 */
export function sanitizeBriefingDoc(input: unknown): BriefingDoc {
  const top = isRecord(input) && input.type === "doc" ? childrenOf(input) : [input];
  const content = cleanTopBlocks(top);
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}

function cleanTopBlocks(nodes: readonly unknown[]): TopBlockNode[] {
  const blocks: TopBlockNode[] = [];
  let run: unknown[] = [];
  const flush = () => {
    if (run.length > 0) blocks.push(...cleanTextBlocks(run, 2));
    run = [];
  };
  for (const node of nodes) {
    const inserted = isRecord(node) ? cleanInsertedBlock(node) : undefined;
    if (inserted === undefined) {
      run.push(node);
      continue;
    }
    flush();
    if (inserted) blocks.push(inserted);
  }
  flush();
  return blocks;
}

/** undefined: not an inserted block; null: an inserted block with nothing usable in it. */
function cleanInsertedBlock(node: Record<string, unknown>): InsertedBlockNode | null | undefined {
  const attrs = attrsOf(node);
  switch (node.type) {
    case BRIEFING_NODES.timeline: {
      const eventIds = cleanIds(attrs.eventIds);
      return eventIds.length > 0 ? { type: "timeline", attrs: { eventIds } } : null;
    }
    case BRIEFING_NODES.disagreements: {
      const contradictionIds = cleanIds(attrs.contradictionIds);
      return contradictionIds.length > 0 ? { type: "disagreements", attrs: { contradictionIds } } : null;
    }
    case BRIEFING_NODES.keyActors: {
      const entityIds = cleanIds(attrs.entityIds);
      return entityIds.length > 0 ? { type: "keyActors", attrs: { entityIds } } : null;
    }
    default:
      return undefined;
  }
}

const INSERTED_BLOCK_TYPES = new Set<unknown>([BRIEFING_NODES.timeline, BRIEFING_NODES.disagreements, BRIEFING_NODES.keyActors]);

/** `depth` is the nesting depth of `nodes` themselves (the doc is 1). */
function cleanTextBlocks(nodes: readonly unknown[], depth: number): TextBlockNode[] {
  if (depth > MAX_NESTING_DEPTH) return [];
  const blocks: TextBlockNode[] = [];
  let strayInline: InlineNode[] = [];
  const flushStrayInline = () => {
    if (strayInline.length > 0) blocks.push({ type: "paragraph", content: strayInline });
    strayInline = [];
  };
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    if (INLINE_TYPES.has(node.type as string)) {
      strayInline.push(...cleanInline([node], depth));
      continue;
    }
    flushStrayInline();
    // Inserted blocks live at the top level only; the editor cannot nest them.
    if (INSERTED_BLOCK_TYPES.has(node.type)) continue;
    switch (node.type) {
      case "paragraph":
        blocks.push(withInline({ type: "paragraph" }, cleanInline(childrenOf(node), depth + 1)));
        break;
      case "heading": {
        const level = attrsOf(node).level === 3 ? 3 : 2;
        blocks.push(withInline({ type: "heading", attrs: { level } }, cleanInline(childrenOf(node), depth + 1)));
        break;
      }
      case "blockquote": {
        const content = cleanTextBlocks(childrenOf(node), depth + 1);
        if (content.length > 0) blocks.push({ type: "blockquote", content });
        break;
      }
      case "bulletList":
      case "orderedList":
        blocks.push(...cleanList(node, depth));
        break;
      default:
        blocks.push(...cleanTextBlocks(childrenOf(node), depth + 1));
    }
  }
  flushStrayInline();
  return blocks;
}

function withInline<N extends ParagraphNode | HeadingNode>(node: N, content: InlineNode[]): N {
  return content.length > 0 ? { ...node, content } : node;
}

function cleanList(node: Record<string, unknown>, depth: number): TextBlockNode[] {
  const items = childrenOf(node)
    .map((child) => (isRecord(child) && child.type === "listItem" ? childrenOf(child) : [child]))
    .map((itemContent): ListItemNode | null => {
      const blocks = cleanTextBlocks(itemContent, depth + 2);
      if (blocks.length === 0) return null;
      return { type: "listItem", content: blocks[0].type === "paragraph" ? blocks : [{ type: "paragraph" }, ...blocks] };
    })
    .filter((item): item is ListItemNode => item !== null);
  if (items.length === 0) return [];
  if (node.type === "bulletList") return [{ type: "bulletList", content: items }];
  const start = attrsOf(node).start;
  if (typeof start === "number" && Number.isSafeInteger(start) && start >= 0 && start !== 1) {
    return [{ type: "orderedList", attrs: { start }, content: items }];
  }
  return [{ type: "orderedList", content: items }];
}

function cleanInline(nodes: readonly unknown[], depth: number): InlineNode[] {
  if (depth > MAX_NESTING_DEPTH) return [];
  return nodes.flatMap((node): InlineNode[] => {
    if (!isRecord(node)) return [];
    const attrs = attrsOf(node);
    switch (node.type) {
      case "hardBreak":
        return [{ type: "hardBreak" }];
      case "text": {
        if (typeof node.text !== "string" || node.text === "") return [];
        const marks = cleanMarks(node.marks);
        return [marks.length > 0 ? { type: "text", text: node.text, marks } : { type: "text", text: node.text }];
      }
      case BRIEFING_NODES.citation: {
        const annotationIds = cleanIds(attrs.annotationIds);
        return annotationIds.length > 0 ? [{ type: "citation", attrs: { annotationIds, label: cleanLabel(attrs.label) } }] : [];
      }
      case BRIEFING_NODES.entityMention: {
        const entityId = cleanId(attrs.entityId);
        return entityId ? [{ type: "entityMention", attrs: { entityId, label: cleanLabel(attrs.label) } }] : [];
      }
      case BRIEFING_NODES.eventRef: {
        const eventId = cleanId(attrs.eventId);
        return eventId ? [{ type: "eventRef", attrs: { eventId, label: cleanLabel(attrs.label) } }] : [];
      }
      default:
        return cleanInline(childrenOf(node), depth + 1);
    }
  });
}

function cleanMarks(marks: unknown): BriefingMark[] {
  if (!Array.isArray(marks)) return [];
  const cleaned = new Map<BriefingMark["type"], BriefingMark>();
  for (const mark of marks) {
    if (!isRecord(mark)) continue;
    let safe: BriefingMark | null = null;
    if (mark.type === "bold") safe = { type: "bold" };
    else if (mark.type === "italic") safe = { type: "italic" };
    else if (mark.type === "link") {
      const href = attrsOf(mark).href;
      if (typeof href === "string" && isSafeLinkHref(href.trim())) safe = { type: "link", attrs: { href: href.trim() } };
    }
    if (safe && !cleaned.has(safe.type)) cleaned.set(safe.type, safe);
  }
  return [...cleaned.values()];
}

// ───────────────────────────── strict validation ─────────────────────────────

const idSchema = z.string().regex(ID_PATTERN, "Not a valid id.");
const idListSchema = z.array(idSchema).min(1, "Choose at least one item.").max(MAX_IDS_PER_NODE);
const labelSchema = z.string().max(MAX_LABEL_CHARS);

const markSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("bold") }),
  z.strictObject({ type: z.literal("italic") }),
  z.strictObject({
    type: z.literal("link"),
    attrs: z.strictObject({ href: z.string().refine(isSafeLinkHref, "Links must be absolute http(s) or mailto URLs.") }),
  }),
]);

const inlineSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: z.string().min(1), marks: z.array(markSchema).optional() }),
  z.strictObject({ type: z.literal("hardBreak") }),
  z.strictObject({ type: z.literal("citation"), attrs: z.strictObject({ annotationIds: idListSchema, label: labelSchema }) }),
  z.strictObject({ type: z.literal("entityMention"), attrs: z.strictObject({ entityId: idSchema, label: labelSchema }) }),
  z.strictObject({ type: z.literal("eventRef"), attrs: z.strictObject({ eventId: idSchema, label: labelSchema }) }),
]);

const textBlockSchema: z.ZodType<TextBlockNode> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("paragraph"), content: z.array(inlineSchema).optional() }),
    z.strictObject({
      type: z.literal("heading"),
      attrs: z.strictObject({ level: z.union([z.literal(2), z.literal(3)]) }),
      content: z.array(inlineSchema).optional(),
    }),
    z.strictObject({ type: z.literal("blockquote"), content: z.array(textBlockSchema).min(1) }),
    z.strictObject({ type: z.literal("bulletList"), content: z.array(listItemSchema).min(1) }),
    z.strictObject({
      type: z.literal("orderedList"),
      attrs: z.strictObject({ start: z.int().min(0) }).optional(),
      content: z.array(listItemSchema).min(1),
    }),
  ]),
);

const listItemSchema: z.ZodType<ListItemNode> = z.strictObject({
  type: z.literal("listItem"),
  content: z
    .array(z.lazy(() => textBlockSchema))
    .min(1)
    .refine((blocks) => blocks[0]?.type === "paragraph", "A list item must start with a paragraph."),
});

const topBlockSchema = z.union([
  textBlockSchema,
  z.strictObject({ type: z.literal("timeline"), attrs: z.strictObject({ eventIds: idListSchema }) }),
  z.strictObject({ type: z.literal("disagreements"), attrs: z.strictObject({ contradictionIds: idListSchema }) }),
  z.strictObject({ type: z.literal("keyActors"), attrs: z.strictObject({ entityIds: idListSchema }) }),
]);

/** Strict validation of a briefing body: the allowlist, nesting depth and MAX_BODY_CHARS. */
export const briefingDocSchema: z.ZodType<BriefingDoc> = z
  .unknown()
  .refine((value) => nestingDepth(value) <= MAX_NESTING_DEPTH, {
    message: `The body is nested too deeply (more than ${MAX_NESTING_DEPTH} levels).`,
    abort: true,
  })
  .pipe(
    z.strictObject({
      type: z.literal("doc", { error: 'The top-level node must be of type "doc".' }),
      content: z.array(topBlockSchema).min(1, "A document needs at least one block."),
    }),
  )
  .superRefine((doc, context) => {
    const length = briefingDocToPlain(doc).length;
    if (length > MAX_BODY_CHARS) {
      context.addIssue({
        code: "custom",
        message: `The body is too long: ${length.toLocaleString("en")} characters (maximum ${MAX_BODY_CHARS.toLocaleString("en")}).`,
      });
    }
  });

// ───────────────────────────── reading ─────────────────────────────

/** Every id the document points at, in order of first appearance. */
export type BriefingReferences = {
  annotationIds: string[];
  entityIds: string[];
  eventIds: string[];
  contradictionIds: string[];
};

export function collectReferences(doc: BriefingDoc): BriefingReferences {
  const sets = { annotationIds: new Set<string>(), entityIds: new Set<string>(), eventIds: new Set<string>(), contradictionIds: new Set<string>() };
  const visitInline = (node: InlineNode) => {
    if (node.type === "citation") node.attrs.annotationIds.forEach((id) => sets.annotationIds.add(id));
    else if (node.type === "entityMention") sets.entityIds.add(node.attrs.entityId);
    else if (node.type === "eventRef") sets.eventIds.add(node.attrs.eventId);
  };
  const visitBlock = (block: TopBlockNode | ListItemNode) => {
    switch (block.type) {
      case "timeline":
        block.attrs.eventIds.forEach((id) => sets.eventIds.add(id));
        return;
      case "disagreements":
        block.attrs.contradictionIds.forEach((id) => sets.contradictionIds.add(id));
        return;
      case "keyActors":
        block.attrs.entityIds.forEach((id) => sets.entityIds.add(id));
        return;
      case "paragraph":
      case "heading":
        (block.content ?? []).forEach(visitInline);
        return;
      default:
        (block.content as (TopBlockNode | ListItemNode)[]).forEach(visitBlock);
    }
  };
  doc.content.forEach(visitBlock);
  return {
    annotationIds: [...sets.annotationIds],
    entityIds: [...sets.entityIds],
    eventIds: [...sets.eventIds],
    contradictionIds: [...sets.contradictionIds],
  };
}

/** Plain text for length limits, previews and feeds; references show their labels. */
export function briefingDocToPlain(doc: BriefingDoc): string {
  const inline = (nodes: readonly InlineNode[] = []) =>
    nodes
      .map((node) => {
        switch (node.type) {
          case "text":
            return node.text;
          case "hardBreak":
            return "\n";
          case "citation":
            return "";
          default:
            return node.attrs.label;
        }
      })
      .join("");
  const block = (node: TopBlockNode | ListItemNode): string => {
    switch (node.type) {
      case "paragraph":
      case "heading":
        return inline(node.content);
      case "timeline":
      case "disagreements":
      case "keyActors":
        return "";
      default:
        return (node.content as (TopBlockNode | ListItemNode)[]).map(block).filter(Boolean).join("\n");
    }
  };
  return doc.content.map(block).filter(Boolean).join("\n");
}
