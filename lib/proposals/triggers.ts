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

/** Triggers inside `sentence`, in text order; where rules overlap, the longest match wins. */
export function findTriggers(text: string, sentence: Span): Trigger[] {
  const slice = text.slice(sentence.start, sentence.end);
  const found: Trigger[] = [];
  for (const rule of TRIGGER_RULES) {
    for (const m of slice.matchAll(rule.re)) {
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
  return kept;
}
