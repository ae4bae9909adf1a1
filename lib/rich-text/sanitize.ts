/**
 * The one walker that coerces any value into a tiptap (ProseMirror) document of an allowlist,
 * keeping the writer's text: unknown attributes and marks are dropped, unsafe links become
 * plain text, unknown nodes are replaced by their content, stray inline content is wrapped in
 * paragraphs, list items start with a paragraph, and content nested beyond MAX_NESTING_DEPTH
 * is dropped. Each domain names what it allows (`RichTextAllowlist`) and keeps its own types.
 *
 * Pure module: no I/O, safe on client and server.
 */
import { isRecord, MAX_NESTING_DEPTH } from "@/lib/html";

const MAX_LINK_CHARS = 2_048;
const SAFE_LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

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

export type Attrs = Record<string, unknown>;
export type MarkName = "bold" | "italic" | "link";
export type RichMark = { type: MarkName; attrs?: { href: string } };
/** A cleaned node: the domain's own node types are narrower views of this shape. */
export type RichNode = { type: string; attrs?: Attrs; text?: string; marks?: RichMark[]; content?: RichNode[] };
export type RichDoc = { type: "doc"; content: RichNode[] };

/** Cleans a node's attrs: the attrs to keep (undefined for none), or null to drop the node. */
export type AttrsCleaner = (attrs: Attrs) => Attrs | undefined | null;

export type RichTextAllowlist = {
  marks: readonly MarkName[];
  /** Blocks with inline content besides the paragraph (which is always allowed), e.g. heading. */
  textBlocks?: Record<string, AttrsCleaner>;
  /** Blocks that hold other blocks, e.g. blockquote; one left empty is dropped. */
  containers?: readonly string[];
  /** Inline atoms (no content), e.g. a citation. */
  atoms?: Record<string, AttrsCleaner>;
  /** Blocks allowed at the top level only; deeper they are dropped. */
  topBlocks?: Record<string, AttrsCleaner>;
};

const LISTS = new Set(["bulletList", "orderedList"]);

/** The document of `allow` closest to `input`; never empty (an empty paragraph at least). */
export function sanitizeDoc(input: unknown, allow: RichTextAllowlist): RichDoc {
  const walker = new Walker(allow);
  const top = isRecord(input) && input.type === "doc" ? childrenOf(input) : [input];
  const content = walker.topBlocks(top);
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}

function childrenOf(node: Attrs): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

function attrsOf(node: Attrs): Attrs {
  return isRecord(node.attrs) ? node.attrs : {};
}

function withAttrs(type: string, attrs: Attrs | undefined): RichNode {
  return attrs === undefined ? { type } : { type, attrs };
}

function withContent(node: RichNode, content: RichNode[]): RichNode {
  return content.length > 0 ? { ...node, content } : node;
}

class Walker {
  private readonly textBlocks: Record<string, AttrsCleaner>;
  private readonly containers: ReadonlySet<string>;
  private readonly atoms: Record<string, AttrsCleaner>;
  private readonly topOnly: Record<string, AttrsCleaner>;
  private readonly marks: ReadonlySet<MarkName>;

  constructor(allow: RichTextAllowlist) {
    this.textBlocks = allow.textBlocks ?? {};
    this.containers = new Set(allow.containers ?? []);
    this.atoms = allow.atoms ?? {};
    this.topOnly = allow.topBlocks ?? {};
    this.marks = new Set(allow.marks);
  }

  /** Top-level blocks: blocks allowed only here, and runs of everything else. */
  topBlocks(nodes: readonly unknown[]): RichNode[] {
    const blocks: RichNode[] = [];
    let run: unknown[] = [];
    const flush = () => {
      if (run.length > 0) blocks.push(...this.blocks(run, 2));
      run = [];
    };
    for (const node of nodes) {
      const clean = isRecord(node) && typeof node.type === "string" ? this.topOnly[node.type] : undefined;
      if (!clean) {
        run.push(node);
        continue;
      }
      flush();
      const attrs = clean(attrsOf(node as Attrs));
      if (attrs !== null) blocks.push(withAttrs((node as Attrs).type as string, attrs));
    }
    flush();
    return blocks;
  }

  private isInline(type: unknown): boolean {
    return type === "text" || type === "hardBreak" || (typeof type === "string" && Object.hasOwn(this.atoms, type));
  }

  /** `depth` is the nesting depth of `nodes` themselves (the doc is 1), as in nestingDepth. */
  private blocks(nodes: readonly unknown[], depth: number): RichNode[] {
    if (depth > MAX_NESTING_DEPTH) return [];
    const blocks: RichNode[] = [];
    let strayInline: RichNode[] = [];
    const flushStrayInline = () => {
      if (strayInline.length > 0) blocks.push({ type: "paragraph", content: strayInline });
      strayInline = [];
    };
    for (const node of nodes) {
      if (!isRecord(node)) continue;
      const type = node.type;
      if (this.isInline(type)) {
        strayInline.push(...this.inline([node], depth));
        continue;
      }
      flushStrayInline();
      if (typeof type === "string" && Object.hasOwn(this.topOnly, type)) continue;
      if (type === "paragraph") {
        blocks.push(withContent({ type: "paragraph" }, this.inline(childrenOf(node), depth + 1)));
      } else if (typeof type === "string" && Object.hasOwn(this.textBlocks, type)) {
        const attrs = this.textBlocks[type](attrsOf(node));
        if (attrs !== null) blocks.push(withContent(withAttrs(type, attrs), this.inline(childrenOf(node), depth + 1)));
      } else if (typeof type === "string" && this.containers.has(type)) {
        const content = this.blocks(childrenOf(node), depth + 1);
        if (content.length > 0) blocks.push({ type, content });
      } else if (typeof type === "string" && LISTS.has(type)) {
        blocks.push(...this.list(node, type, depth));
      } else {
        blocks.push(...this.blocks(childrenOf(node), depth + 1));
      }
    }
    flushStrayInline();
    return blocks;
  }

  /** The cleaned list, or nothing when no item has content. */
  private list(node: Attrs, type: string, depth: number): RichNode[] {
    // Anything directly inside a list that is not a listItem is treated as an item's content.
    const items = childrenOf(node)
      .map((child) => (isRecord(child) && child.type === "listItem" ? childrenOf(child) : [child]))
      .map((itemContent): RichNode | null => {
        const blocks = this.blocks(itemContent, depth + 2);
        if (blocks.length === 0) return null;
        return { type: "listItem", content: blocks[0].type === "paragraph" ? blocks : [{ type: "paragraph" }, ...blocks] };
      })
      .filter((item): item is RichNode => item !== null);
    if (items.length === 0) return [];
    const start = attrsOf(node).start;
    // Numbering style ("a", "i"…) is dropped: rendered lists are always decimal.
    if (type === "orderedList" && typeof start === "number" && Number.isSafeInteger(start) && start >= 0 && start !== 1) {
      return [{ type, attrs: { start }, content: items }];
    }
    return [{ type, content: items }];
  }

  private inline(nodes: readonly unknown[], depth: number): RichNode[] {
    if (depth > MAX_NESTING_DEPTH) return [];
    return nodes.flatMap((node): RichNode[] => {
      if (!isRecord(node)) return [];
      const type = node.type;
      if (type === "hardBreak") return [{ type: "hardBreak" }];
      if (type === "text") {
        if (typeof node.text !== "string" || node.text === "") return [];
        const marks = this.cleanMarks(node.marks);
        return [marks.length > 0 ? { type: "text", text: node.text, marks } : { type: "text", text: node.text }];
      }
      if (typeof type === "string" && Object.hasOwn(this.atoms, type)) {
        const attrs = this.atoms[type](attrsOf(node));
        return attrs === null ? [] : [withAttrs(type, attrs)];
      }
      return this.inline(childrenOf(node), depth + 1);
    });
  }

  private cleanMarks(marks: unknown): RichMark[] {
    if (!Array.isArray(marks)) return [];
    const cleaned = new Map<MarkName, RichMark>();
    for (const mark of marks) {
      const safe = isRecord(mark) ? this.cleanMark(mark) : null;
      if (safe && !cleaned.has(safe.type)) cleaned.set(safe.type, safe);
    }
    return [...cleaned.values()];
  }

  private cleanMark(mark: Attrs): RichMark | null {
    const type = mark.type;
    if ((type !== "bold" && type !== "italic" && type !== "link") || !this.marks.has(type)) return null;
    if (type !== "link") return { type };
    const href = attrsOf(mark).href;
    return typeof href === "string" && isSafeLinkHref(href.trim()) ? { type, attrs: { href: href.trim() } } : null;
  }
}
