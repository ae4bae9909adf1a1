import { parseByline, parseStatedDate, parseStatedTime } from "./metadata";
import { continuesPrevious, hardWrapWidth, lineJoiner, normalizeLine } from "./text";
import type { SourceLine, SourceMetadata } from "./types";

export interface MarkdownSource {
  lines: SourceLine[];
  metadata: SourceMetadata;
}

/** A Markdown line after block syntax is read; `standalone` lines never merge with neighbours. */
interface Block {
  text: string;
  standalone: boolean;
  heading?: boolean;
  image?: boolean;
}

const LINE_BREAK = /\r\n?|\n/;
const FRONT_MATTER = /^---\r?\n([\s\S]{0,4000}?)\r?\n---\s*(?:\r?\n|$)/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const ATX_HEADING = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s+\S+/;
const IMAGE_ONLY = /^!\[([^\]]*)\]\(([^)\s]*)[^)]*\)$/;
const BLOCKQUOTE = /^\s{0,3}(?:>\s?)+/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;

// Escaped punctuation is parked in the Private Use Area so emphasis rules cannot see it.
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!>~|])/g;
const PARKED = /[\uE000-\uE07F]/g;
const PARK_OFFSET = 0xe000;

/**
 * Reads Markdown: front matter becomes metadata, a leading heading becomes the headline,
 * image-only lines become captions, and inline syntax is stripped (links keep their text).
 * Lines within a block merge by the same continuation rule as plain text, because Markdown
 * files made from web pages often put one paragraph per line without blank lines.
 */
export function readMarkdown(markdown: string): MarkdownSource {
  const frontMatter = FRONT_MATTER.exec(markdown);
  const fields = frontMatter ? readFrontMatter(frontMatter[1]) : new Map<string, string>();
  const body = frontMatter ? markdown.slice(frontMatter[0].length) : markdown;
  const blocks = readBlocks(body);

  const first = blocks.find((block) => block.text);
  const title = field(fields, "title") ?? (first?.heading ? first.text : null);
  const author = field(fields, "author", "authors", "byline");
  const date = field(fields, "date", "published", "published_at", "publishedat", "pubdate");
  return {
    lines: toLines(blocks, title),
    metadata: {
      title,
      author: author ? parseByline(author) : null,
      url: absoluteUrl(field(fields, "url", "canonical", "canonical_url", "source", "link")),
      outlet: field(fields, "outlet", "publication", "site", "site_name") ?? null,
      publishedAt: date ? parseStatedDate(date) : null,
      publishedTime: date ? parseStatedTime(date) : null,
      language: field(fields, "lang", "language")?.split(/[-_]/)[0].toLowerCase() ?? null,
    },
  };
}

function readFrontMatter(yaml: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of yaml.split(LINE_BREAK)) {
    const match = /^([\w-]+)\s*:\s*(.+)$/.exec(line.trim());
    if (match) fields.set(match[1].toLowerCase(), match[2].replace(/^(["'])(.*)\1$/, "$2").trim());
  }
  return fields;
}

function absoluteUrl(value: string | undefined): string | null {
  return value && /^https?:\/\/\S+$/i.test(value) ? value : null;
}

function field(fields: Map<string, string>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = fields.get(key);
    if (value) return value;
  }
  return undefined;
}

/** Block structure of the Markdown; an empty `text` marks a paragraph break. */
function readBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let inFence = false;
  for (const raw of markdown.split(LINE_BREAK)) {
    if (FENCE.test(raw)) {
      inFence = !inFence;
      blocks.push({ text: "", standalone: true });
    } else if (inFence) {
      blocks.push({ text: normalizeLine(raw), standalone: true });
    } else if (SETEXT_UNDERLINE.test(raw) && blocks.at(-1)?.text && !blocks.at(-1)?.standalone) {
      blocks[blocks.length - 1] = { ...blocks[blocks.length - 1], standalone: true, heading: true };
    } else if (THEMATIC_BREAK.test(raw) || LINK_DEFINITION.test(raw)) {
      blocks.push({ text: "", standalone: true });
    } else {
      blocks.push(readLine(raw));
    }
  }
  return blocks;
}

function readLine(raw: string): Block {
  const heading = ATX_HEADING.exec(raw);
  if (heading) return { text: stripInline(heading[1]), standalone: true, heading: true };
  const unquoted = raw.replace(BLOCKQUOTE, "");
  const isListItem = LIST_ITEM.test(unquoted);
  const content = normalizeLine(unquoted.replace(LIST_ITEM, ""));
  const image = IMAGE_ONLY.exec(content);
  if (image) return { text: normalizeLine(image[1]) || image[2], standalone: true, image: true };
  return { text: stripInline(content), standalone: isListItem };
}

/** Merges continued lines and marks the headline and image captions. */
function toLines(blocks: Block[], title: string | null): SourceLine[] {
  const wrapWidth = hardWrapWidth(blocks.map((block) => block.text));
  const join = lineJoiner(blocks.map((block) => block.text).join("\n"));
  const lines: SourceLine[] = [];
  let previous: Block | undefined;
  for (const block of blocks) {
    const last = lines.at(-1);
    if (!block.text) {
      previous = undefined;
      continue;
    }
    if (last && previous && !previous.standalone && !block.standalone && continuesPrevious(previous.text, block.text, wrapWidth)) {
      last.text = join(last.text, block.text);
    } else if (block.image) {
      lines.push({ text: block.text, preset: "caption" });
    } else if (block.heading && lines.length === 0 && block.text === title) {
      lines.push({ text: block.text, preset: "headline" });
    } else {
      lines.push({ text: block.text });
    }
    previous = block;
  }
  return lines;
}

/** Inline Markdown to plain text: links keep their text, emphasis and code markers go. */
function stripInline(text: string): string {
  const parked = text.replace(ESCAPED, (_, char: string) => String.fromCharCode(PARK_OFFSET + char.charCodeAt(0)));
  const plain = parked
    // "Source: [example](https://…)": a labelled link keeps its URL so the source line is recognised.
    .replace(/^([^[\]]{1,40}:)\s*\[[^\]]*\]\((https?:\/\/[^)\s]+)[^)]*\)$/, "$1 $2")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/\*(?=\S)([^*]+?)(?<=\S)\*/g, "$1")
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, "$1$2")
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "$1")
    .replace(/<\/?[a-z][^>]*>/gi, "");
  return normalizeLine(plain.replace(PARKED, (char) => String.fromCharCode(char.charCodeAt(0) - PARK_OFFSET)));
}
