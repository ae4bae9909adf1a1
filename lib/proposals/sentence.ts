/**
 * Who takes part in a happening and where, read from the words attached to the words naming it:
 * the list of names right before a verb or a light verb ("Lavrov had a telephone conversation"),
 * after it ("met X", "talks between X and Y", "calls to X and Y"), in front of a noun ("the
 * Ukraine-Russia talks", "Trump's call"), and the antecedent of "who". Names elsewhere in the
 * sentence (sources, people merely discussed) are not participants. Pure.
 */
import type { FoundName } from "./names";
import { contains, overlaps } from "./text";
import type { Span } from "./types";
import { REPORTING_VERB, ROLE_WORDS } from "./vocabulary";

/**
 * Clause ends: punctuation, or a word that opens a subordinate or relative clause ("until", not after
 * "postponed": "postponed until September" is when the happening now is), or "and agreed to" (what
 * was agreed is another happening, with its own date and place). Brackets stay
 * inside, and so do the commas of a list of names ("Norway, Ghana, and Chile"), of a number
 * ("1,000 prisoners") and of a person's age ("Okello Odongo, 58, in Kampala").
 */
const CLAUSE_END =
  /,(?!\d)(?!(?<=\p{Lu}[\p{L}\p{M}'’.-]*,)\s\d{1,3},)(?<!\p{Lu}[\p{L}\p{M}'’.-]*,\s\d{1,3},)|[;\u2013\u2014]|(?<!\d):(?!\d)|\s(?=(?:which|who|whose|whom|while|whereas|although|because|after|before|when|since|as\s+well\s+as)\s)|\s(?=and\s+(?:also\s+)?(?:(?:agreed|decided|pledged|promised|vowed|resolved|planned)\s+to|(?:is|are|was|were)\s+(?:due|expected|set|scheduled|slated)\s+to|will)\s)|(?<!\b(?:postponed|delayed|deferred|pushed\s+back|put\s+off))\s(?=until\s)/gu;
const LIST_COMMA =
  /(?<=\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}[\p{L}.]*),(?=\s+(?:and\s+)?\p{Lu})/uy;

/** "in the Ethiopian capital, Addis Ababa, for talks": a place's noun, then its name set off by commas. */
const PLACE_NOUN_BEFORE_NAME = /^(?:capital|city|town|port|province|region|village|district|resort|enclave)$/;
/** "met her Australian counterpart, Penny Walsh, in Canberra": a role in lower case, then the name set off by commas. */
const APPOSITIVE_NAME = /(?<=\b(\p{Ll}+)),\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*\s+){0,3}\p{Lu}[\p{L}\p{M}'’.-]*(?=,)/uy;

export function clauseSpans(text: string, sentence: Span): Span[] {
  const clauses: Span[] = [];
  let start = sentence.start;
  let appositiveEnd = -1;
  const slice = text.slice(sentence.start, sentence.end);
  // exec over the shared global pattern: matchAll would clone it for every sentence.
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(slice); m; m = CLAUSE_END.exec(slice)) {
    const at = sentence.start + m.index;
    if (at === appositiveEnd) continue;
    LIST_COMMA.lastIndex = at;
    if (m[0] === "," && LIST_COMMA.test(text)) continue;
    if (m[0] === "," && dateComma(text, at)) continue;
    APPOSITIVE_NAME.lastIndex = at;
    const appositive = m[0] === "," ? APPOSITIVE_NAME.exec(text) : null;
    if (appositive && (ROLE_WORDS.has(appositive[1]) || PLACE_NOUN_BEFORE_NAME.test(appositive[1])) && at + appositive[0].length < sentence.end) {
      appositiveEnd = at + appositive[0].length;
      continue;
    }
    const end = at;
    if (end > start) clauses.push({ start, end });
    start = end + m[0].length;
  }
  if (sentence.end > start) clauses.push({ start, end: sentence.end });
  return clauses;
}

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
const WEEKDAY_BEFORE = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const DAY_OF_MONTH_AFTER = new RegExp(String.raw`^\s+(?:\d{1,2}\s+${MONTH}|${MONTH}\s+\d{1,2})\b`);
const MONTH_DAY_BEFORE = new RegExp(String.raw`\b${MONTH}\s+\d{1,2}$`);

/** The comma inside a date ("on Saturday, April 20", "April 20, 2031"): no end of a clause. */
function dateComma(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  const after = text.slice(at + 1, at + 16);
  return (WEEKDAY_BEFORE.test(before) && DAY_OF_MONTH_AFTER.test(after)) || (MONTH_DAY_BEFORE.test(before) && /^\s+\d{4}\b/.test(after));
}

export function clauseAt(clauses: Span[], offset: number): Span {
  return clauses.find((c) => c.start <= offset && offset < c.end) ?? clauses[clauses.length - 1];
}

const QUOTE_SPAN = /["“][^"“”]*["”]?/g;

export function quoteSpans(text: string, sentence: Span): Span[] {
  const spans: Span[] = [];
  const slice = text.slice(sentence.start, sentence.end);
  QUOTE_SPAN.lastIndex = 0;
  for (let m = QUOTE_SPAN.exec(slice); m; m = QUOTE_SPAN.exec(slice)) {
    spans.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  }
  return spans;
}

/**
 * What may stand between two names of one list: "and", commas, "the", roles, possessives, hyphens,
 * and the pronoun of "X and his Danish counterpart Y".
 */
function isListGap(gap: string): boolean {
  // The full stop of an abbreviation ("U.S. and Russia") that the name's span left out.
  // "Felix Braun, 67, and Claire Dumas": a person's age set off by commas.
  const inner = gap.replace(/^\./, "").replace(/^\s*,\s*\d{1,3}\s*,/, ",");
  const words = inner
    .replace(/['’]s\b/g, " ")
    // "the delegation of the European Union led by Commissioner X".
    .replace(/\b(?:led|headed)\s+by\b/g, " ")
    .split(/[\s,&/–-]+/)
    .filter(Boolean);
  // "Sudanese army chief X", "Russian opposition leader Y": a body's noun before the role.
  const bodies = words.filter((w) => BODY_BEFORE_ROLE.test(w));
  return (
    inner.length <= 60 &&
    !/[;:.!?()"“”]/.test(inner) &&
    words.every(
      (w) => /^(?:and|the|of|his|her|their|its|visiting)$/i.test(w) || ROLE_WORDS.has(w.toLowerCase()) || bodies.includes(w) || BODY_QUALIFIER.test(w),
    ) &&
    (bodies.length === 0 || words.some((w) => ROLE_WORDS.has(w.toLowerCase()) && !/^(?:and|the|of)$/i.test(w)))
  );
}

const ALIAS_OPENS = /^\s*\(\s*$/;
/** "Sudan's army and the paramilitary Rapid Support Forces": words describing an armed body, before its name. */
const BODY_QUALIFIER = /^(?:paramilitary|militant|separatist|insurgent|rival)$/i;

const BODY_BEFORE_ROLE = /^(?:army|military|armed|forces|intelligence|police|navy|rebel|opposition|party|junta|militia)$/i;

/** The list of names that ends right before `offset` (only list separators in between). */
function listEndingAt(text: string, names: FoundName[], offset: number, floor: number): FoundName[] {
  const before = names.filter((n) => n.end <= offset && n.introStart >= floor).sort((a, b) => b.end - a.end);
  const list: FoundName[] = [];
  let edge = offset;
  for (const n of before) {
    const gap = text.slice(n.end, edge);
    // "the Rapid Support Forces (RSF)": the name the acronym in brackets stands for is the party.
    if (list.length > 0 && ALIAS_OPENS.test(gap) && text[list[list.length - 1].end] === ")") {
      list[list.length - 1] = n;
      edge = n.introStart;
      continue;
    }
    if (list.length === 0 ? !/^\s*$|^['’]s?\s*$|^\s*[-–]\s*$/.test(gap) : !isListGap(gap)) break;
    list.push(n);
    edge = n.introStart;
  }
  return list.reverse();
}

/** The list of names that starts right after `offset`, past a linking word ("with", "to", "between"). */
function listStartingAt(text: string, names: FoundName[], offset: number, ceiling: number, lead: RegExp): FoundName[] {
  const m = lead.exec(text.slice(offset, ceiling));
  if (!m) return [];
  const after = names.filter((n) => n.introStart >= offset + m[0].length && n.end <= ceiling).sort((a, b) => a.start - b.start);
  const list: FoundName[] = [];
  let edge = offset + m[0].length;
  for (const n of after) {
    const gap = text.slice(edge, n.introStart);
    if (list.length > 0 && ALIAS_OPENS.test(gap) && text[n.end] === ")") {
      edge = n.end + 1;
      continue;
    }
    if (list.length === 0 ? !/^\s*(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/u.test(gap) || !isListGap(gap) : !isListGap(gap)) break;
    list.push(n);
    edge = n.end;
  }
  return list;
}

const OBJECT_LEAD =
  /^(?:\s+(?:by|over|on)\s+(?:the\s+)?(?:tele)?phone|\s+(?:directly|separately|again|jointly|briefly|also|privately))*\s*(?:,\s*)?(?:(?:with|to|between|among|involving|of|and|for\s+talks\s+with)\b\s*)?/iu;
/** After a noun: "talks with X", "talks in Vienna on Saturday, May 4 between X and Y", "an accord … was signed by X and Y". */
const NOUN_OBJECT_LEAD =
  /^(?:\s+(?:on|by|over)\s+(?:the\s+)?(?:tele)?phone)?(?:,?\s*\b(?:in|at|on)\s+(?:[\p{L}\d.-]+,?\s+){1,4}?){0,3}\s*(?:(?:with|to|between|among|involving)\b|(?:\s+on\s+[\p{L}\s-]{1,40}?)?\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:signed|held|hosted|attended|concluded|reached|brokered|organi[sz]ed|led|agreed)\s+by\b)\s*/iu;
const NOUN_OBJECT_FROM_LEAD = /^\s*(?:(?:on|by|over)\s+(?:the\s+)?(?:tele)?phone\s+)?from\b\s*/i;
const CALL_OR_VISIT = /\b(?:call|visit|conversation)s?$/i;
const DELEGATIONS_FROM = /\bwith\s+(?:the\s+)?(?:delegations?|representatives|officials|envoys|negotiators|negotiating\s+teams?|teams?)\s+(?:from|of)\s+/i;

/** "Talks … resumed in Cairo on Sunday with delegations from Israel and Hamas": the bodies the delegations came from. */
function delegationsFrom(text: string, names: FoundName[], from: number, ceiling: number): FoundName[] {
  const m = DELEGATIONS_FROM.exec(text.slice(from, ceiling));
  return m ? listStartingAt(text, names, from + m.index + m[0].length, ceiling, /^/) : [];
}

/**
 * A light verb or preposition before a noun naming the happening: its subject takes part ("Dalen
 * had a call", "agreed during a call", "held a two-hour phone conversation").
 */
const LIGHT_VERB_BEFORE =
  /\b(?:had|has|have|having|held|hold|holds|holding|made|make|makes|making|received|receive|receives|receiving|freed|frees|released|releases|handed\s+over|paid|pay|pays|paying|conducted|hosted|attended|placed|engaged?\s+in|engaging\s+in|engage\s+in|took\s+part\s+in|joined|began|begin|started|opened|resumed|resume|resumes|resuming|concluded|wrapped\s+up|carried\s+out|carry\s+out|completed|staged|signed|sealed|struck|reached|during|in|at|over|after)\s+(?:(?:a|an|the|their|his|her|its|first|second|third|new|separate|lengthy|brief|critical|video|long|short|rare|fourth|fifth|sixth|final|\d[\d,]*|[\p{L}\d]+(?:-[\p{L}\d]+)+|[\p{L}-]+ly|\p{L}{2,}est)\s+){0,3}(?:(?:(?:more\s+than|nearly|almost|about|around|over|some|at\s+least)\s+)?(?:(?:a|an|one|two|three|four|five|several|\d+|another|fresh|new)\s+)?(?:days?|rounds?|hours?|weeks?)\s+of\s+)?(?:(?!(?:of|to|for|with|and|on|by|the|a|an)\s)\p{L}+\s+)?$/iu;

/** "the situation in Syria", "talks on Gaza": a place named by the object, before the words naming the happening. */
const OBJECT_PLACE_BEFORE =
  /\b(?:situation|war|conflict|crisis|fighting|peace|ceasefire|security|issues?|developments?|events?)\s+(?:in|on|over|around|of)\s+(?:the\s+)?$/i;
const SAID_BETWEEN = /^\s+(?:said|says|told\s+(?:reporters|journalists))\s+$/i;
const TOLD_AFTER = /^\s*(?:\p{Ll}+ly\s+)?(?:told|assured|warned|urged|informed|asked|thanked|reminded|pressed|invited|briefed)(?=\s)/u;
const TOLD_BEFORE = /\b(?:told|assured|warned|urged|informed|asked|thanked|reminded|pressed|invited)\s+$/i;

export interface Attachment {
  names: FoundName[];
  /** The names after a verb or after "with/to/between": "separate calls to X and Y" are calls with each. */
  objects: FoundName[];
  /** How the names were found: attached to the trigger, or only the clause next to it. */
  how: "attached" | "clause" | "none";
}

/** Adds the names of `list` not yet in `found` (a function of the module: tsx names every closure when it is made). */
function addNew(found: FoundName[], list: FoundName[]): void {
  for (const n of list) if (!found.includes(n)) found.push(n);
}

/**
 * Names attached to the trigger [start, end): verbal triggers take the list before them (their
 * subject) and after them (their object); nouns take names in front of them, "between/with/to"
 * lists after them, and the subject of a light verb or preposition before them.
 */
export function attachedNames(text: string, names: FoundName[], trigger: Span & { verbal: boolean }, sentence: Span, clauses: Span[]): Attachment {
  const clause = clauseAt(clauses, trigger.start);
  const found: FoundName[] = [];
  // "Trump's call", "the Trump-Putin call": names inside the words of the trigger.
  addNew(
    found,
    names.filter((n) => overlaps(n, trigger)),
  );
  let objects: FoundName[] = [];
  // "X, who met Y": the clause opens with "who"; its subject is the name before it.
  const relative = /^\s*(?:who|which)\b/i.test(text.slice(clause.start, clause.start + 8));
  const subjectFloor = relative ? sentence.start : clause.start;
  if (trigger.verbal) {
    const head = text.slice(clause.start, trigger.start);
    const pronounOrNames = relative ? listEndingAt(text, names, clause.start - 1, sentence.start) : [];
    addNew(found, pronounOrNames);
    const subject = subjectBefore(text, names, trigger.start, subjectFloor, head);
    addNew(found, subject.length > 0 || relative ? subject : appositiveSubject(text, names, trigger.start, clause.start, sentence.start));
    if (subject.length === 0 && !relative) addNew(found, coordinatedSubject(text, names, clause, clauses));
    objects = withAppositive(text, names, listStartingAt(text, names, trigger.end, clause.end, OBJECT_LEAD), trigger.end, sentence.end);
    addNew(found, objects);
  } else {
    addNew(found, listEndingAt(text, names, trigger.start, sentence.start));
    const possessive = names.find((n) => n.end <= trigger.start && /^['’]s?\s+(?:[\p{L}-]+\s+){0,2}$/u.test(text.slice(n.end, trigger.start)));
    if (possessive) addNew(found, [possessive]);
    // "received a phone call from X", "a visit from X"; not "a readout from Japan" (whose it is, not who took part).
    const after = listStartingAt(text, names, trigger.end, clause.end, NOUN_OBJECT_LEAD);
    const from =
      after.length === 0 && CALL_OR_VISIT.test(text.slice(trigger.start, trigger.end))
        ? listStartingAt(text, names, trigger.end, clause.end, NOUN_OBJECT_FROM_LEAD)
        : after;
    objects = withAppositive(text, names, from.length > 0 ? from : delegationsFrom(text, names, trigger.end, clause.end), trigger.end, sentence.end);
    addNew(found, objects);
    const light = LIGHT_VERB_BEFORE.exec(text.slice(Math.max(subjectFloor, trigger.start - 120), trigger.start));
    if (light) {
      const verbAt = trigger.start - (text.slice(Math.max(subjectFloor, trigger.start - 120), trigger.start).length - light.index);
      let subject = subjectBefore(text, names, verbAt, subjectFloor, text.slice(subjectFloor, verbAt));
      // "X and Y discussed the situation in Syria in a phone call": a place the verb's object names is not its subject.
      if (
        /^(?:in|during|over|at|after)\b/i.test(light[0]) &&
        subject.length > 0 &&
        subject.every((n) => n.level === "group") &&
        OBJECT_PLACE_BEFORE.test(text.slice(Math.max(subjectFloor, subject[0].introStart - 30), subject[0].introStart))
      )
        subject = listStartingAt(text, names, subjectFloor, subject[0].introStart, /^\s*(?:the\s+)?/);
      addNew(found, subject);
      // "Berg told Okoro in a phone call that …": who told took part too.
      const told = subject.length > 0 && /^(?:in|during|over)\b/i.test(light[0]) ? TOLD_BEFORE.exec(text.slice(subjectFloor, subject[0].introStart)) : null;
      if (told) addNew(found, subjectBefore(text, names, subjectFloor + told.index, subjectFloor, text.slice(subjectFloor, subjectFloor + told.index)));
      // "Berg said after a call with Okoro": the speaker had the call with them.
      const speaker = names.filter((n) => n.end <= verbAt && n.introStart >= sentence.start).pop();
      if (subject.length === 0 && objects.length > 0 && speaker && SAID_BETWEEN.test(text.slice(speaker.end, verbAt))) addNew(found, [speaker]);
      if (relative) addNew(found, listEndingAt(text, names, clause.start - 1, sentence.start));
    }
  }
  if (!found.some((n) => n.level === "person" && !objects.includes(n))) addNew(found, participleSubject(text, names, trigger, sentence, clause));
  if (found.length > 0) return { names: found, objects, how: "attached" };
  const none: Attachment = { names: [], objects: [], how: "none" };
  // "In a phone call on Monday, X and Y discussed …": the names open the next clause.
  const inClause = names.filter((n) => contains(clause, n));
  if (inClause.length > 0) return none;
  const next = clauses.find((c) => c.start >= clause.end && names.some((n) => contains(c, n)));
  if (!next) return none;
  const list = listStartingAt(text, names, next.start, next.end, /^/);
  if (list.length === 0) return none;
  // "In a phone call on Wednesday, X told Y that …": who told and who was told had the call.
  const told = TOLD_AFTER.exec(text.slice(list[list.length - 1].end, next.end));
  const toldNames = told ? listStartingAt(text, names, list[list.length - 1].end + told[0].length, next.end, /^\s*(?:the\s+)?/) : [];
  return toldNames.length > 0 ? { names: [...list, ...toldNames], objects: toldNames, how: "attached" } : { names: list, objects: [], how: "clause" };
}

const COORDINATED_PREDICATE =
  /^\s*and\s+(?:also\s+)?(?:(?:agreed|decided|pledged|promised|vowed|resolved|planned)\s+to|(?:is|are|was|were)\s+(?:due|expected|set|scheduled|slated)\s+to|will)\s/i;

export function opensCoordinatedPredicate(text: string, clause: Span): boolean {
  return COORDINATED_PREDICATE.test(text.slice(clause.start, clause.start + 40));
}

/** "X and Y spoke by phone on Thursday and agreed to meet next month", "X arrived on Sunday and is due to meet Y": the persons opening the sentence meet. */
function coordinatedSubject(text: string, names: FoundName[], clause: Span, clauses: Span[]): FoundName[] {
  if (!opensCoordinatedPredicate(text, clause)) return [];
  const previous = clauses.filter((c) => c.end <= clause.start).pop();
  const first = previous && names.find((n) => n.level === "person" && contains(previous, n));
  return first ? listStartingAt(text, names, first.introStart, previous.end, /^/) : [];
}

/** "The bloc's envoy, former president Olu Adeyemi, met …": the person named just before the comma that closes the subject. */
function appositiveSubject(text: string, names: FoundName[], offset: number, clauseStart: number, floor: number): FoundName[] {
  const before = names.filter((n) => n.end <= clauseStart && n.introStart >= floor);
  // "Obi, who is on a three-day visit to France, met …": the person before a relative clause set off by commas.
  const relative = before.find((n) => n.level === "person" && RELATIVE_APPOSITION.test(text.slice(n.end, offset)));
  if (relative) return [relative];
  const last = before.pop();
  if (last?.level !== "person") return [];
  const between = text.slice(last.end, offset);
  if (/^\s*,\s*(?:\p{Ll}+ly\s+|also\s+|then\s+)?$/u.test(between)) return [last];
  // "Omar Haddad, the foreign minister, met …": a role set off by commas after the person.
  const role = ROLE_APPOSITION.exec(between);
  return role?.[1].split(/\s+/).some((w) => ROLE_WORDS.has(w) && !/^(?:of|the|and|for|to|on)$/.test(w)) ? [last] : [];
}

const RELATIVE_APPOSITION = /^\s*,\s*(?:who|whose)\s[^,;:"“”]{1,120},\s*(?:\p{Ll}+ly\s+|also\s+|then\s+)?$/u;
const ROLE_APPOSITION = /^\s*,\s+(?:the|a|an|its|their)\s+((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+)\s*,\s*(?:\p{Ll}+ly\s+|also\s+|then\s+)?$/u;

/** "with her Australian counterpart, Penny Walsh": the person a role after the list names, set off by a comma. */
function withAppositive(text: string, names: FoundName[], list: FoundName[], from: number, ceiling: number): FoundName[] {
  const edge = list.length > 0 ? list[list.length - 1].end : from;
  const next = names.filter((n) => n.introStart >= edge && n.end <= ceiling && n.type !== "DEMONYM").sort((a, b) => a.start - b.start)[0];
  if (next?.level !== "person") return list;
  // "her Australian counterpart": a nationality among the role words.
  let gap = text.slice(edge, next.introStart);
  for (const n of names)
    if (n.type === "DEMONYM" && n.start >= edge && n.end <= next.introStart)
      gap = `${gap.slice(0, n.start - edge)}${" ".repeat(n.end - n.start)}${gap.slice(n.end - edge)}`;
  const words = gap.split(/[\s,]+/).filter(Boolean);
  const roles = words.filter((w) => ROLE_WORDS.has(w.toLowerCase()) && !/^(?:of|the|and|for|to|on)$/i.test(w));
  const fits = words.every((w) => roles.includes(w) || /^(?:with|to|his|her|their|its)$/i.test(w));
  return roles.length > 0 && fits && /^[^,]*,\s*$/.test(gap) && gap.length <= 40 ? [...list, next] : list;
}

/** The first person named in [from, to) outside quotes. */
function personWithin(names: FoundName[], quotes: Span[], from: number, to: number): FoundName | undefined {
  return names.find((n) => n.level === "person" && n.start >= from && n.end <= to && !insideQuote(quotes, n));
}

const SUBORDINATE_PARTICIPLE = /^(?:after|before|while|upon|since|when)\s+\p{Ll}+ing\b/iu;
const TRAILING_PARTICIPLE = /\p{L},\s+\p{Ll}+ing$/u;
const OPENING_PARTICIPLE = /^\s*(?:Speaking|Talking|Commenting|Writing|Addressing|Briefing)\b/;

/**
 * "Lund told reporters after meeting Y", "Speaking after talks with Y, Lund said": a participle's
 * subject is the main clause's, its first person.
 */
function participleSubject(text: string, names: FoundName[], trigger: Span, sentence: Span, clause: Span): FoundName[] {
  const quotes = quoteSpans(text, sentence);
  // "X began a visit on Monday, meeting Y on Tuesday": a participle after a comma has the main clause's subject.
  if (SUBORDINATE_PARTICIPLE.test(text.slice(clause.start, trigger.end)) || TRAILING_PARTICIPLE.test(text.slice(sentence.start, trigger.end))) {
    const subject = personWithin(names, quotes, sentence.start, clause.start);
    return subject ? [subject] : [];
  }
  const opening = text.slice(sentence.start, trigger.start);
  const comma = text.indexOf(",", trigger.end);
  if (OPENING_PARTICIPLE.test(opening) && !opening.includes(",") && comma > 0 && comma < sentence.end) {
    const subject = personWithin(names, quotes, comma, sentence.end);
    return subject ? [subject] : [];
  }
  return [];
}

/** The subject: the list of names closest before `offset` in its clause, with at most a few words (auxiliaries, adverbs) between. */
function subjectBefore(text: string, names: FoundName[], offset: number, floor: number, head: string): FoundName[] {
  const candidates = names.filter((n) => n.end <= offset && n.introStart >= floor).sort((a, b) => b.end - a.end);
  const last = candidates[0];
  if (!last) return [];
  const between = text.slice(last.end, offset);
  // "Putin's proposal to resume negotiations": a possessive qualifies a noun, it is no subject; "Vietnam's prime
  // minister on Tuesday agreed": a role is the country's person, and the country speaks in the person.
  const role = /^['’]s?\s+([\p{Ll}-]+)\s/u.exec(between);
  if (/^['’]s?\s+\S/.test(between) && !(role && ROLE_WORDS.has(role[1]) && !/^(?:of|the|and|for|to|on)$/.test(role[1]))) return [];
  if (REPORTING_VERB.test(between) || between.split(/\s+/).filter(Boolean).length > 8 || /[;:]/.test(between) || !head) return [];
  return listEndingAt(text, names, last.end, floor);
}

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

const APPOSITION = /^\s*,[^,;]{0,160},\s*$/;
const REPORTING_VERBS = new RegExp(REPORTING_VERB.source, "gi");

/**
 * Names that attribute the sentence's content: the subject of "said", "told", "according to"
 * (with any apposition: "Zhao Junjie, a researcher at …, told"), and names after an inverted
 * "…," said X.
 */
export function sourceNames(text: string, names: FoundName[], sentence: Span): FoundName[] {
  const sources: FoundName[] = [];
  const inSentence = names.filter((n) => contains(sentence, n));
  const slice = text.slice(sentence.start, sentence.end);
  REPORTING_VERBS.lastIndex = 0;
  for (let m = REPORTING_VERBS.exec(slice); m; m = REPORTING_VERBS.exec(slice)) {
    const at = sentence.start + m.index;
    // "Omar Said met …": a word of a person's name, not the verb.
    if (inSentence.some((n) => n.level === "person" && n.start < at && at < n.end)) continue;
    const after = at + m[0].length;
    if (/^according to/i.test(m[0])) {
      const first = inSentence.find((n) => n.introStart >= after && n.introStart - after < 20);
      if (first) sources.push(first);
      continue;
    }
    const before = inSentence.filter((n) => n.end <= at).sort((a, b) => b.end - a.end)[0];
    if (before && (APPOSITION.test(text.slice(before.end, at)) || /^\s*(?:[\p{Ll}]+\s+){0,2}$/u.test(text.slice(before.end, at)))) {
      // "…with Lindiwe Dube, the Brazilian presidency said", "…Israel and Hamas, Egyptian state media said": "the" or a
      // comma opens the source's own words before a noun; the list does not reach back past it.
      const opensPhrase =
        /\bthe\s+$/i.test(text.slice(Math.max(sentence.start, before.introStart - 5), before.introStart)) ||
        (/\p{Ll}/u.test(text.slice(before.end, at)) && /,\s*$/.test(text.slice(Math.max(sentence.start, before.introStart - 3), before.introStart)));
      sources.push(...(opensPhrase ? [] : listEndingAt(text, inSentence, before.end, sentence.start)), before);
    }
    if (/[,"”]\s*$/.test(text.slice(sentence.start, at))) {
      const next = inSentence.find((n) => n.introStart >= after && /^\s*(?:[\p{L}-]+\s+){0,3}$/u.test(text.slice(after, n.introStart)));
      if (next) sources.push(next);
    }
  }
  return sources;
}

export function insideQuote(quotes: Span[], span: Span): Span | undefined {
  return quotes.find((q) => overlaps(q, span));
}
