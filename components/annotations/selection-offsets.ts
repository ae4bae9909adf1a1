/**
 * Maps DOM selections to offsets in the article's normalized text and back. Every text
 * segment is rendered as one element with exactly one text node and the attributes
 * `data-start` / `data-end` (its offsets in the normalized text); paragraph separators
 * are not rendered, so a point between paragraphs snaps to the nearest segment edge.
 */

export type TextSelection = { start: number; end: number; exact: string };

const SEGMENT = "[data-start]";

function segmentOf(node: Node, root: Element): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  const segment = element?.closest<HTMLElement>(SEGMENT) ?? null;
  return segment && root.contains(segment) ? segment : null;
}

function bounds(segment: HTMLElement): { start: number; end: number } {
  return { start: Number(segment.dataset.start), end: Number(segment.dataset.end) };
}

/** The text offset of a DOM point (node, offset) inside `root`, or null when it lies outside. */
export function pointToOffset(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const segment = segmentOf(node, root);
  if (segment) {
    const { start, end } = bounds(segment);
    if (node.nodeType === Node.TEXT_NODE) return Math.min(end, start + offset);
    return offset === 0 ? start : end;
  }
  // A point between elements (e.g. between paragraphs): the first segment at or after it.
  const segments = [...root.querySelectorAll<HTMLElement>(SEGMENT)];
  const point = document.createRange();
  point.setStart(node, offset);
  const after = segments.find((candidate) => point.comparePoint(candidate, 0) >= 0);
  if (after) return bounds(after).start;
  const last = segments.at(-1);
  return last ? bounds(last).end : null;
}

/**
 * The selection inside `root` in text offsets, trimmed of surrounding whitespace, or null
 * when nothing (or only whitespace) is selected there. A selection reaching outside the
 * root is clipped to it.
 */
export function selectionToOffsets(root: Element, text: string, selection: Selection | null): TextSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const clipped = range.cloneRange();
  if (!root.contains(clipped.startContainer)) clipped.setStart(root, 0);
  if (!root.contains(clipped.endContainer)) clipped.setEnd(root, root.childNodes.length);
  let start = pointToOffset(root, clipped.startContainer, clipped.startOffset);
  let end = pointToOffset(root, clipped.endContainer, clipped.endOffset);
  if (start === null || end === null) return null;
  if (start > end) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end) return null;
  return { start, end, exact: text.slice(start, end) };
}

/** Where a text offset is in the DOM: the segment's text node and the offset inside it. */
function offsetToPoint(root: Element, offset: number, preferEnd: boolean): { node: Node; offset: number } | null {
  const segments = [...root.querySelectorAll<HTMLElement>(SEGMENT)];
  const segment = segments.find((candidate) => {
    const { start, end } = bounds(candidate);
    return preferEnd ? offset > start && offset <= end : offset >= start && offset < end;
  });
  const textNode = segment?.firstChild;
  if (!segment || !textNode) return null;
  return { node: textNode, offset: offset - bounds(segment).start };
}

/** Selects text[start, end) in the document, e.g. after the passage was found by typing it. */
export function selectOffsets(root: Element, start: number, end: number): boolean {
  const from = offsetToPoint(root, start, false);
  const to = offsetToPoint(root, end, true);
  const selection = window.getSelection();
  if (!from || !to || !selection) return false;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}
