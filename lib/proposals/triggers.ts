/**
 * Words that name a happening in a sentence ("telephone conversation", "met", "the talks"). Pure.
 */
import { overlaps } from "./text";
import type { Span } from "./types";
import { TRIGGER_RULES, type HappeningKind, type TriggerRule } from "./vocabulary";

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

/** A rule's pattern without the global flag, sticky: tried at one position, with what precedes it in view of its lookbehinds. */
const stickyPatterns = new Map(TRIGGER_RULES.map((rule) => [rule, new RegExp(rule.re.source, `${rule.re.flags.replace("g", "")}y`)]));

/** The rules searched where their words start, by the first two letters of each word (ASCII: 128 × 128 slots). */
const LEADING_BY_PAIR: ({ rule: TriggerRule; word: string }[] | undefined)[] = new Array(128 * 128);
for (const rule of TRIGGER_RULES)
  for (const word of rule.leading ?? []) {
    if (!/^[a-z][\x00-\x7f]/.test(word)) throw new Error(`A rule's leading word must open with two ASCII characters: ${word}`);
    const pair = word.charCodeAt(0) * 128 + word.charCodeAt(1);
    LEADING_BY_PAIR[pair] = [...(LEADING_BY_PAIR[pair] ?? []), { rule, word }];
  }

const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;

/**
 * For each rule with leading words, where in the lower-cased line one of them starts a word, in
 * order: the only places its pattern (\b, then the word) can match. Read in one pass over the line.
 */
function leadingStarts(lower: string): Map<TriggerRule, number[]> {
  const starts = new Map<TriggerRule, number[]>();
  let previous = 32;
  for (let i = 0; i < lower.length - 1; i++) {
    const code = lower.charCodeAt(i);
    const wordStart = !isWordCode(previous);
    previous = code;
    if (!wordStart || code >= 128) continue;
    const second = lower.charCodeAt(i + 1);
    const entries = second < 128 ? LEADING_BY_PAIR[code * 128 + second] : undefined;
    if (!entries) continue;
    for (const { rule, word } of entries) {
      if (!lower.startsWith(word, i)) continue;
      const at = starts.get(rule);
      if (!at) starts.set(rule, [i]);
      else if (at[at.length - 1] !== i) at.push(i);
    }
  }
  return starts;
}

const FOLDS_TO_ASCII = /[\u017f\u212a]/;

/** A rule's match in `sentence` (a function of the module, not a closure: tsx names every closure when it is made). */
function triggerOf(text: string, sentence: Span, rule: TriggerRule, m: RegExpExecArray): Trigger {
  const start = sentence.start + m.index;
  const before = text.slice(Math.max(sentence.start, start - 40), start);
  return {
    kind: rule.kind,
    verbal: rule.verbal,
    start,
    end: start + m[0].length,
    definite: !rule.verbal && (DEFINITE.test(m[0]) || DEFINITE_BEFORE.test(before)),
  };
}

/** Triggers inside `sentence`, in text order; where rules overlap, the longest match wins. */
export function findTriggers(text: string, sentence: Span): Trigger[] {
  const slice = text.slice(sentence.start, sentence.end);
  const found: Trigger[] = [];
  const lower = slice.toLowerCase();
  // Where the lower-cased line keeps every offset of the line and holds neither "ſ" nor the Kelvin sign (the two
  // letters a case-insensitive pattern reads as ASCII ones), a rule's words in it are every place its matches can start.
  const leading = lower.length === slice.length && !FOLDS_TO_ASCII.test(slice) ? leadingStarts(lower) : null;
  for (const rule of TRIGGER_RULES) {
    if (rule.leading && leading) {
      // As the global search below, tried only where a match can start: the first match at or after the last one's end.
      const sticky = stickyPatterns.get(rule)!;
      let from = 0;
      for (const at of leading.get(rule) ?? []) {
        if (at < from) continue;
        sticky.lastIndex = at;
        const m = sticky.exec(slice);
        if (!m || m[0].length === 0) continue;
        found.push(triggerOf(text, sentence, rule, m));
        from = at + m[0].length;
      }
      continue;
    }
    if (!rule.needs.test(lower)) continue;
    // exec over the shared global pattern: matchAll would clone each pattern for every line.
    const re = rule.re;
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push(triggerOf(text, sentence, rule, m));
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Trigger[] = [];
  for (const t of found) if (!kept.some((k) => overlaps(k, t))) kept.push(t);
  return [...kept, ...ellipticalTriggers(text, sentence, kept)].sort((a, b) => a.start - b.start);
}
