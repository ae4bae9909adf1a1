/**
 * Other spellings in full-text search: a query that names a known entity by any of its names
 * ("Zelenskyy") also searches the entity's other spellings ("Zelensky", "Zelenskiy"). Pure
 * functions; the registry lookup and the SQL live in lib/articles/queries.ts.
 */
import { normalizeName } from "@/lib/entities/match";

/** A part of a web-search query: a word, a quoted phrase, an OR, or an excluded word or phrase. */
export type QueryPart = { text: string; phrase: boolean; negated: boolean; or: boolean };

const PART = /(-?)"([^"]*)"?|(\S+)/g;

/** The query as websearch_to_tsquery reads it: words, "quoted phrases", OR and -exclusions. */
export function queryParts(q: string): QueryPart[] {
  const parts: QueryPart[] = [];
  for (const match of q.matchAll(PART)) {
    if (match[2] !== undefined) {
      if (match[2].trim()) parts.push({ text: match[2].trim(), phrase: true, negated: match[1] === "-", or: false });
      continue;
    }
    const word = match[3]!;
    if (word === "OR") parts.push({ text: word, phrase: false, negated: false, or: true });
    else if (word.startsWith("-") && word.length > 1) parts.push({ text: word.slice(1), phrase: false, negated: true, or: false });
    else parts.push({ text: word, phrase: false, negated: false, or: false });
  }
  return parts;
}

/**
 * Names to look up in the registry: the whole query when it is plain words (a name such as
 * "Sergei Lavrov"), and each word or phrase searched for. Normalized as the registry stores them.
 */
export function lookupKeys(q: string): string[] {
  const parts = queryParts(q);
  const keys = new Set<string>();
  const plain = parts.every((p) => !p.phrase && !p.negated && !p.or);
  if (plain && parts.length > 1) keys.add(normalizeName(parts.map((p) => p.text).join(" ")));
  for (const part of parts) if (!part.negated && !part.or) keys.add(normalizeName(part.text));
  keys.delete("");
  return [...keys];
}

/** One term of the query and the other spellings it is searched with. */
export type ExpandedTerm = { term: string; variants: string[] };

/** The query split into the terms searched with other spellings, and the rest, searched as written. */
export type ExpandedQuery = { rest: string; terms: ExpandedTerm[] };

/** Spellings searched for one term at most: an alias shared by many entities must not turn one query into hundreds. */
const MAX_VARIANTS = 12;

const words = (s: string) =>
  new Set(
    normalizeName(s)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

/**
 * The spellings worth searching besides `term`: different once normalized, and not containing
 * all the words of a shorter spelling (every article with "Volodymyr Zelensky" also has "Zelensky").
 */
export function otherSpellings(term: string, spellings: string[]): string[] {
  const seen = new Set([normalizeName(term)]);
  const distinct = spellings.filter((s) => {
    const key = normalizeName(s);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const kept = [term, ...distinct].map((s) => ({ s, words: words(s) }));
  const covers = (a: Set<string>, b: Set<string>) => a.size < b.size && [...a].every((w) => b.has(w));
  return kept
    .slice(1)
    .filter((v) => !kept.some((other) => other !== v && covers(other.words, v.words)))
    .map((v) => v.s)
    .slice(0, MAX_VARIANTS);
}

/**
 * Which terms of `q` to search with other spellings, given the spellings the registry knows for
 * each normalized key (lookupKeys). The whole query when it names an entity; otherwise each word
 * or phrase that does (a query with OR is left as written: its terms are alternatives already).
 */
export function expandQuery(q: string, spellings: Map<string, string[]>): ExpandedQuery {
  const parts = queryParts(q);
  const plain = parts.every((p) => !p.phrase && !p.negated && !p.or);
  if (plain && parts.length > 1) {
    const whole = parts.map((p) => p.text).join(" ");
    const variants = otherSpellings(whole, spellings.get(normalizeName(whole)) ?? []);
    if (variants.length > 0) return { rest: "", terms: [{ term: whole, variants }] };
  }
  if (parts.some((p) => p.or)) return { rest: q, terms: [] };
  const rest: string[] = [];
  const terms: ExpandedTerm[] = [];
  for (const part of parts) {
    const variants = part.negated ? [] : otherSpellings(part.text, spellings.get(normalizeName(part.text)) ?? []);
    if (variants.length > 0) terms.push({ term: part.text, variants });
    else rest.push(`${part.negated ? "-" : ""}${part.phrase ? `"${part.text}"` : part.text}`);
  }
  return { rest: rest.join(" "), terms };
}
