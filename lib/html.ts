/** HTML building blocks shared by every rich-text document the app renders (comments, briefings). */

export const LINK_REL = "noopener noreferrer nofollow";

/** Deeper documents are refused before parsing, so hostile nesting cannot exhaust the stack. */
export const MAX_NESTING_DEPTH = 24;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

export type InlineMark = { type: "bold" } | { type: "italic" } | { type: "link"; attrs: { href: string } };

export function wrapInMark(mark: InlineMark, html: string): string {
  switch (mark.type) {
    case "bold":
      return `<strong>${html}</strong>`;
    case "italic":
      return `<em>${html}</em>`;
    case "link":
      return `<a href="${escapeHtml(mark.attrs.href)}" rel="${LINK_REL}">${html}</a>`;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Depth of a ProseMirror-style `content` tree, computed without recursion. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_NESTING_DEPTH) break;
    const content = isRecord(node) ? node.content : undefined;
    if (Array.isArray(content)) for (const child of content) pending.push([child, depth + 1]);
  }
  return deepest;
}
