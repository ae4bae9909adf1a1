/**
 * Words that name a happening in a sentence ("telephone conversation", "met", "the talks"). Pure.
 */
import { overlaps } from "./text";
import type { Span } from "./types";
import { TRIGGER_RULES, type HappeningKind } from "./vocabulary";

export interface Trigger extends Span {
  kind: HappeningKind;
  verbal: boolean;
  /** "the call", "this meeting": refers back to a happening the article already named. */
  definite: boolean;
}

const DEFINITE = /^(?:the|this|that|these|those|their|its|his|her|such)\b/i;
const DEFINITE_BEFORE = /\b(?:the|this|that|these|those|their|its|his|her)\s+(?:[\p{L}'’-]+\s+){0,2}$/iu;

const ORDINAL_NOUN = /\b(?:first|second|third|fourth|fifth|previous|last|latest|earlier|next)\s+(?:\p{L}+\s+)?$/iu;
/** "Their first call was on February 12, and the second on March 18": the noun left out after a second ordinal. */
const ELLIPSIS = /[,;]\s+(?:and|while|with)\s+the\s+(?:second|third|fourth|fifth|next|last|latest|other)\b(?=\s+(?:on|in|was|came|took)\b)/giu;

function ellipticalTriggers(text: string, sentence: Span, found: Trigger[]): Trigger[] {
  const first = found.find(
    (t) => !t.verbal && ORDINAL_NOUN.test(text.slice(Math.max(sentence.start, t.start - 30), t.start) + text.slice(t.start, t.end).replace(/\S+$/, "")),
  );
  if (!first) return [];
  const slice = text.slice(first.end, sentence.end);
  return [...slice.matchAll(ELLIPSIS)].map((m) => {
    const start = first.end + m.index + m[0].indexOf("the");
    return { kind: first.kind, verbal: false, definite: true, start, end: first.end + m.index + m[0].length };
  });
}

/** Triggers inside `sentence`, in text order; where rules overlap, the longest match wins. */
export function findTriggers(text: string, sentence: Span): Trigger[] {
  const slice = text.slice(sentence.start, sentence.end);
  const found: Trigger[] = [];
  const lower = slice.toLowerCase();
  for (const rule of TRIGGER_RULES) {
    if (!rule.needs.test(lower)) continue;
    // exec over the shared global pattern: matchAll would clone each pattern for every line.
    const re = rule.re;
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = sentence.start + m.index;
      const before = text.slice(Math.max(sentence.start, start - 40), start);
      found.push({
        kind: rule.kind,
        verbal: rule.verbal,
        start,
        end: start + m[0].length,
        definite: !rule.verbal && (DEFINITE.test(m[0]) || DEFINITE_BEFORE.test(before)),
      });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Trigger[] = [];
  for (const t of found) if (!kept.some((k) => overlaps(k, t))) kept.push(t);
  return [...kept, ...ellipticalTriggers(text, sentence, kept)].sort((a, b) => a.start - b.start);
}
