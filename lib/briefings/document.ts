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
import { MAX_NESTING_DEPTH, nestingDepth } from "@/lib/html";
import { isSafeLinkHref, sanitizeDoc, type AttrsCleaner, type RichTextAllowlist } from "@/lib/rich-text/sanitize";
import { BRIEFING_NODES } from "./node-names";

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
  return value
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .slice(0, MAX_LABEL_CHARS)
    .replace(/[\uD800-\uDBFF]$/, "");
}

/** A reference atom keeps its one id and label; without a usable id it is dropped. */
function reference(key: string): AttrsCleaner {
  return (attrs) => {
    const id = cleanId(attrs[key]);
    return id ? { [key]: id, label: cleanLabel(attrs.label) } : null;
  };
}

/** An inserted block keeps its list of ids; with none usable it is dropped. */
function idList(key: string): AttrsCleaner {
  return (attrs) => {
    const ids = cleanIds(attrs[key]);
    return ids.length > 0 ? { [key]: ids } : null;
  };
}

/** What a briefing may hold (see the module comment). */
const BRIEFING_ALLOWLIST: RichTextAllowlist = {
  marks: ["bold", "italic", "link"],
  textBlocks: { heading: (attrs) => ({ level: attrs.level === 3 ? 3 : 2 }) },
  containers: ["blockquote"],
  atoms: {
    [BRIEFING_NODES.citation]: (attrs) => {
      const annotationIds = cleanIds(attrs.annotationIds);
      return annotationIds.length > 0 ? { annotationIds, label: cleanLabel(attrs.label) } : null;
    },
    [BRIEFING_NODES.entityMention]: reference("entityId"),
    [BRIEFING_NODES.eventRef]: reference("eventId"),
  },
  topBlocks: {
    [BRIEFING_NODES.timeline]: idList("eventIds"),
    [BRIEFING_NODES.disagreements]: idList("contradictionIds"),
    [BRIEFING_NODES.keyActors]: idList("entityIds"),
  },
};

/**
 * Coerces any value into a valid briefing document, keeping the writer's text (see
 * lib/rich-text/sanitize.ts): inserted blocks are kept only at the top level, references
 * without a usable id are dropped. Does not enforce MAX_BODY_CHARS (validation does).
 */
export function sanitizeBriefingDoc(input: unknown): BriefingDoc {
  return sanitizeDoc(input, BRIEFING_ALLOWLIST) as BriefingDoc;
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
    if (node.type === "citation")
      node.attrs.annotationIds.forEach((id) => {
        sets.annotationIds.add(id);
      });
    else if (node.type === "entityMention") sets.entityIds.add(node.attrs.entityId);
    else if (node.type === "eventRef") sets.eventIds.add(node.attrs.eventId);
  };
  const visitBlock = (block: TopBlockNode | ListItemNode) => {
    switch (block.type) {
      case "timeline":
        block.attrs.eventIds.forEach((id) => {
          sets.eventIds.add(id);
        });
        return;
      case "disagreements":
        block.attrs.contradictionIds.forEach((id) => {
          sets.contradictionIds.add(id);
        });
        return;
      case "keyActors":
        block.attrs.entityIds.forEach((id) => {
          sets.entityIds.add(id);
        });
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
