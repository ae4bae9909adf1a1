/** A cited passage with the rest of its sentence, for reading it in context. Pure module. */

/** Most characters of context kept on each side when no sentence boundary is nearer. */
export const MAX_CONTEXT_CHARS = 280;

export type PassageInContext = { before: string; quote: string; after: string };

const SENTENCE_END_BEFORE = /(?:[.!?]["'”’)\]]*\s+|\n+)/g;
const SENTENCE_END_AFTER = /[.!?]["'”’)\]]*(?=\s|$)|\n/;

/**
 * The quote [start, end) of `text` with what precedes it since the start of its sentence
 * and what follows it up to the end of its sentence (cut at MAX_CONTEXT_CHARS, marked "…").
 * When the offsets no longer match the quote, the stored selector context is used instead.
 */
export function passageInContext(text: string, selector: { exact: string; prefix: string; suffix: string; start: number; end: number }): PassageInContext {
  const { exact, start, end } = selector;
  if (start < 0 || end > text.length || text.slice(start, end) !== exact) {
    return { before: selector.prefix.trimStart(), quote: exact, after: selector.suffix.trimEnd() };
  }
  const endsSentence = /[.!?]["'”’)\]]*$/.test(exact);
  return { before: contextBefore(text, start), quote: exact, after: endsSentence ? "" : contextAfter(text, end) };
}

function contextBefore(text: string, start: number): string {
  const floor = Math.max(0, start - MAX_CONTEXT_CHARS);
  const window = text.slice(floor, start);
  let sentenceStart = -1;
  for (const match of window.matchAll(SENTENCE_END_BEFORE)) {
    // A boundary at the very end means the quote itself starts a sentence.
    sentenceStart = match.index + match[0].length;
  }
  if (sentenceStart >= 0) return window.slice(sentenceStart);
  if (floor === 0) return window.trimStart();
  const wordStart = window.search(/\s\S/);
  return `…${wordStart >= 0 ? window.slice(wordStart + 1) : window}`;
}

function contextAfter(text: string, end: number): string {
  const ceiling = Math.min(text.length, end + MAX_CONTEXT_CHARS);
  const window = text.slice(end, ceiling);
  const match = SENTENCE_END_AFTER.exec(window);
  if (match) return window.slice(0, match[0] === "\n" ? match.index : match.index + match[0].length);
  if (ceiling === text.length) return window.trimEnd();
  const lastSpace = window.lastIndexOf(" ");
  return `${lastSpace > 0 ? window.slice(0, lastSpace) : window}…`;
}
