/**
 * The happenings one article reports: for each sentence, the words that name a happening
 * (a trigger), who takes part, where, and when; then the sentences of one article that speak
 * of the same happening are joined ("the call" after "Lavrov spoke with Rubio on Saturday").
 * Pure: text in, JSON-serializable mentions and claim drafts out.
 */
import { resolveDatesInText, type ResolvedDate } from "@/lib/events/dates";
import { extractClaims } from "./claims";
import { normalizeName } from "@/lib/entities/match";
import {
  countryOfNationality,
  findNames,
  isCountry,
  isVerbWord,
  type RoledName,
  sameName,
  samePlace,
  titleCaseLines,
  type FoundName,
  type Registry,
} from "./names";
import { countedBack, countedFromMention, countingExpression, pickDate, withDaysOfMonth } from "./resolve-dates";
import { attachedNames, clauseAt, clauseSpans, insideQuote, opensCoordinatedPredicate, quoteSpans, sourceNames, type Attachment } from "./sentence";
import { contains, lineSpans, passageTarget, sentenceSpans, spanKey, spansWithin } from "./text";
import { findTriggers, type Trigger } from "./triggers";
import type { ArticleExtraction, EventMention, KeyedName, MentionDate, ProposalArticle, Span } from "./types";
import { HYPOTHETICAL, kindsCompatible, PLANNED, RECIPROCAL_SPEECH, REPORTING_VERB, ROLE_WORDS, SERIES_NOUN, TO_RESUME } from "./vocabulary";

/** Everything about the article's text that mentions and claims are read from, computed once. */
export interface ArticleContext {
  article: ProposalArticle;
  text: string;
  sentences: Span[];
  names: FoundName[];
  dates: ResolvedDate[];
}

const MAX_PARTICIPANTS = 6;
/** Two words naming one happening when this close ("signed an agreement", "held a phone call"). */
const SAME_HAPPENING_DISTANCE = 40;
/** "the discussions were at an early stage", "discussions are continuing": the state of a process, not a happening. */
const DISCUSSIONS_STATE = /^\s+(?:were|are|is|was|remain(?:s|ed)?|had\s+been|have\s+been)\b(?!\s+(?:held|hosted|conducted)\b)/i;
/** "swapped 95 prisoners … in a deal mediated by X", "under an accord": what the happening carried out, not one of its own. */
const FRAMEWORK_BEFORE = /\b(?:under|in|as\s+part\s+of|through)\s+(?:a|an|the|their|last\s+\p{L}+['’]s)\s+(?:[\p{L}-]+\s+)?$/iu;
const ANOTHER_BEFORE = /\b(?:after|following|before|ahead\s+of)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
/** "met reporters", "held a call with journalists": a briefing of the press, not a happening between parties. */
const PRESS_AFTER =
  /^(?:\s+(?:by|over)\s+(?:tele)?phone)?\s+(?:(?:with|to)\s+)?(?:(?:the|a|a\s+group\s+of|several|foreign|local|visiting|travell?ing)\s+)*(?:reporters|journalists|correspondents|press|media|news\s+media)\b/i;
const SIGNED_BEFORE = /\b(?:signed|signs|sign|signing|adopted|adopts)\s+(?:(?:a|an|the|joint|final|new)\s+){0,3}$/i;
const DISCUSSED_BEFORE = /\bdiscuss(?:ed|es|ing)?\s+(?:(?!the\s)[\p{L}-]+\s+){0,3}$/iu;
const ATTRIBUTIVE_BEFORE = /\b(?:the|a|an|and|or|with|by|of|met|meets|hosted|received|told|his|her|their)\s+$/i;
const NO_AGREEMENT_BEFORE = /\b(?:without|no|failed\s+to\s+reach|fell\s+short\s+of)\s+(?:an?\s+|any\s+)?(?:[\p{L}-]+\s+)?$/iu;
const OCCASION_BEFORE = /\b(?:sidelines|margins|fringes)\s+of\s+(?:a|an|the|this\s+\p{L}+['’]s)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
/** What links two words naming one happening: "visited Vienna on Monday and met", "arrived in Warsaw for talks", "will travel to Caracas on June 20 to meet", "held a meeting … for talks"; not "talks … before he meets". */
const SAME_HAPPENING_LINK =
  /^(?![\s\S]*\b(?:before|after|when|while|since|until|as|than|if|whether|that|who|which|but)\b)(?:[\s\S]*\b(?:and|for|to)\s+(?:[\p{L}-]+\s+){0,3}|\s*(?:[\p{L}-]+\s+){0,3})$/iu;

/** "in Istanbul", "at the Black Sea resort", "in the border town of Aflao", "in the Ethiopian capital, Addis Ababa", "a summit planned for Lima". */
const PLACE_BEFORE =
  /\b(?:in|at)\s+(?:the\s+)?(?:(?!(?:that|which|who|when|while|after|before)\s)[\p{L}-]+\s+){0,2}$|\b(?:planned|scheduled|set|slated|due|earmarked)\s+for\s+$|\b(?:in|at)\s+the\s+(?:[\p{L}-]+\s+)?(?:city|town|port|capital|province|region|village|district|resort|enclave)\s+of\s+$|\b(?:in|at)\s+the\s+(?:[\p{L}-]+\s+){0,2}(?:city|town|port|capital|province|region|village|district|resort|enclave)\s*,\s*$/iu;
const DESTINATION_BEFORE = /\b(?:to|visit(?:s|ed|ing)?|in)\s+(?:the\s+)?$/iu;
const VERB_BEFORE_PREPOSITION =
  /\b(?:\p{L}+ed|met|meet|meets|held|hold|holds|place|began|begin|begins|opened|concluded|arrived|gathered|convened|talks|meeting|meetings|summit|negotiations)\s+(?:in|at)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$|\b(?:planned|scheduled|set|slated|due|earmarked)\s+for\s+$/iu;
/** "talks … ended without agreement late on Monday in Doha": the verb saying what became of the happening, then its place. */
const HAPPENING_VERB_BEFORE_PLACE =
  /\b(?:ended|concluded|began|opened|resumed|closed|wrapped\s+up|took\s+place|(?:was|were)\s+held)\b[^,;.]{0,40}?\s(?:in|at)\s+(?:the\s+)?$/iu;
const NOT_THE_HAPPENINGS_PLACE =
  /\b(?:war|conflict|crisis|situation|peace|fighting|troops|settlement|ceasefire|sanctions|people|soldiers|interests|relations|region|operations?|attacks?)\b/i;

/** "in Istanbul", "visited Moscow", "the Istanbul talks" (a city before the noun; a country there is a party). */
function placeOf(text: string, trigger: Trigger, clause: Span, names: FoundName[]): FoundName | null {
  const candidates = spansWithin(names, clause).filter((n) => n.type === "PLACE" || n.type === "OTHER");
  let best: { name: FoundName; distance: number } | null = null;
  for (const n of candidates) {
    const before = text.slice(Math.max(clause.start, n.start - 30), n.start);
    const between = n.start >= trigger.end ? text.slice(trigger.end, n.start) : text.slice(n.end, trigger.start);
    const attributive =
      n.end <= trigger.start &&
      /^\s*$/.test(text.slice(n.end, trigger.start)) &&
      !trigger.verbal &&
      !isCountry(n) &&
      !/[-–]$/.test(text.slice(n.start - 1, n.start));
    // After a preposition of place, whether the happening's words govern it: "met in Riyadh", "met with X in Germany",
    // "talks … concluded in Istanbul"; not "properties in the U.S.".
    const located =
      (PLACE_BEFORE.test(before) || (trigger.kind === "visit" && DESTINATION_BEFORE.test(before))) &&
      (n.end <= trigger.start ||
        n.start - trigger.end <= 30 ||
        VERB_BEFORE_PREPOSITION.test(before) ||
        HAPPENING_VERB_BEFORE_PLACE.test(text.slice(Math.max(clause.start, trigger.end, n.start - 70), n.start)) ||
        onlyNamesBetween(text, trigger.end, n.start, names) ||
        noVerbBetween(text.slice(trigger.end, n.start)));
    if (!attributive && !located) continue;
    if (n.type === "OTHER" && !located) continue;
    // "Talks on a ceasefire resumed in Cairo": the verb of the happening governs the place, whatever the talks were about.
    const happeningVerb = HAPPENING_VERB_BEFORE_PLACE.test(text.slice(Math.max(clause.start, trigger.end, n.start - 70), n.start));
    if (!attributive && ((NOT_THE_HAPPENINGS_PLACE.test(between) && !happeningVerb) || between.length > 120)) continue;
    // "discussed the situation in Syria in a phone call": the place of what was discussed.
    if (n.end <= trigger.start && NOT_THE_HAPPENINGS_PLACE.test(text.slice(Math.max(clause.start, n.start - 16), n.start))) continue;
    const distance = Math.abs(n.start - trigger.start);
    if (!best || distance < best.distance) best = { name: n, distance };
  }
  return best?.name ?? null;
}

/** "Riyadh, Saudi Arabia": the country written after a city holds it. */
function placeRef(text: string, place: FoundName, names: FoundName[]): KeyedName {
  const after = names.find((n) => n.start > place.end && /^,\s*$/.test(text.slice(place.end, n.start)) && n.level === "group" && isCountry(n));
  return { ...keyed(place), ...(after && !isCountry(place) ? { within: normalizeName(after.name) } : {}) };
}

/** "he will", "I'll be", "she plans to", "his": a pronoun with only auxiliaries between it and the verb. */
/** "signed an agreement on a joint space programme in Doha": no other verb between, so the place is the signing's. */
function noVerbBetween(between: string): boolean {
  // "a visiting delegation … led by Senator X", "talks lasting five hours": participles that describe the object, not a new verb.
  const described = between.replace(/\b(?:(?:led|headed|accompanied)\s+by|visiting|lasting|of\s+understanding)\b/gi, " ");
  return between.length <= 100 && !described.split(/[\s,]+/).some((w) => isVerbWord(w.replace(/[^\p{L}]/gu, "")));
}

/** Between the trigger and a place only names, roles and linking words ("met with US Vice President JD Vance in"). */
function onlyNamesBetween(text: string, from: number, to: number, names: FoundName[]): boolean {
  let between = text.slice(from, to);
  for (const n of names.filter((m) => m.introStart >= from && m.end <= to).sort((a, b) => b.start - a.start)) {
    between = `${between.slice(0, n.introStart - from)} ${between.slice(n.end - from)}`;
  }
  const words = between
    .split(/[\s,.]+/)
    .filter(Boolean)
    .filter(
      (w) =>
        !/^(?:with|and|the|to|of|in|at|by|led|headed|between|among|from|phone|telephone|directly|separately|['’]s?)$/i.test(w) &&
        // "with X on Tuesday in Abidjan": the day between the names and the place.
        !/^(?:on|late|early|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}(?:st|nd|rd|th)?)$/i.test(w) &&
        !ROLE_WORDS.has(w.toLowerCase()) &&
        !ROLE_WORDS.has(w.toLowerCase().replace(/s$/, "")),
    );
  return words.length === 0;
}

/** What may stand between a subject pronoun and the trigger: "he will", "she has held a", "I'll". */
const subjectBefore = (pronouns: string) =>
  new RegExp(
    String.raw`\b(${pronouns})\b(?:['’]ll)?(?:\s+(?:will|would|shall|should|could|can|may|might|must|is|was|are|were|be|been|being|has|have|had|plans?|planned|planning|intends?|to|also|then|first|later|set|due|expected|going|about|not|reportedly|again|directly|separately|personally))*(?:\s+(?:held|had|hosted|attended|conducted|paid|made|resumed|concluded|signed)(?:\s+(?:a|an|the|his|her|their|very|"[^"]{1,30}"|“[^”]{1,30}”|\p{L}+-\p{L}+|\p{L}+ly))*)?\s*$`,
    "iu",
  );

const PRONOUN_SUBJECT = subjectBefore("he|she|i|we|his|her");

/** "he plans to speak", "I'll be speaking": the person the pronoun stands for. */
function pronounSubject(ctx: ArticleContext, trigger: Trigger, sentence: Span, sources: FoundName[]): FoundName | null {
  // "his conversation with the Russian leader": the pronoun may open the trigger's own words.
  const own = /^(his|her)\s/i.exec(ctx.text.slice(trigger.start, trigger.end));
  const before = own
    ? `${ctx.text.slice(Math.max(sentence.start, trigger.start - 40), trigger.start)}${own[0]}`
    : ctx.text.slice(Math.max(sentence.start, trigger.start - 40), trigger.start);
  const m = PRONOUN_SUBJECT.exec(before);
  if (!m) return null;
  const persons = ctx.names.filter((n) => n.level === "person");
  // "I'll be speaking …," Trump told reporters: the speaker named in the sentence.
  const speaker = /^(?:i|we)$/i.test(m[1]) ? sources.find((n) => n.level === "person" && contains(sentence, n)) : undefined;
  if (speaker) return speaker;
  const pronounAt = trigger.start - before.length + (own ? own[0].length : 0) + m.index;
  const quotes = quoteSpans(ctx.text, { start: Math.max(0, pronounAt - 600), end: pronounAt });
  const earlier = persons.filter((n) => n.end <= pronounAt && n.start >= Math.max(0, pronounAt - 600) && !insideQuote(quotes, n));
  // "Rahma … also met party chief Y. She is due to fly to Manila": a pronoun opening its sentence is the last sentence's subject.
  if (!earlier.some((n) => n.start >= sentence.start)) {
    const previous = ctx.sentences.filter((s) => s.end <= sentence.start).pop();
    const subject = previous && earlier.find((n) => n.start >= previous.start && n.introStart - previous.start <= SUBJECT_REACH);
    if (subject) return subject;
  }
  return earlier[earlier.length - 1] ?? null;
}

/** How far into a sentence its subject may start (after a dateline: "HANOI, March 4 (Reuters) - Vietnamese Prime Minister …"). */
const SUBJECT_REACH = 80;

const THEY_SUBJECT = subjectBefore("they|their");

/** "X and Y said on Monday they would swap prisoners": "they" are the sources named before it. */
function theySubject(ctx: ArticleContext, trigger: Trigger, parts: SentenceParts): FoundName[] {
  const before = ctx.text.slice(Math.max(parts.sentence.start, trigger.start - 40), trigger.start);
  const m = THEY_SUBJECT.exec(before);
  if (!m) return [];
  const at = trigger.start - before.length + m.index;
  const sources = parts.sources.filter((n) => n.end <= at);
  return sources.length >= 2 ? sources : [];
}

function keyed(n: FoundName): KeyedName {
  return { name: n.name, entityId: n.entityId, key: n.key, level: n.level, ...(n.affiliation ? { affiliation: n.affiliation } : {}) };
}

function uniqueNames(names: KeyedName[]): KeyedName[] {
  const kept: KeyedName[] = [];
  for (const n of names) if (!kept.some((k) => sameName(k, n))) kept.push(n);
  return kept;
}

export interface SentenceParts {
  sentence: Span;
  /** The triggers of the sentence: a date after another trigger belongs to that one. */
  triggers: Trigger[];
  clauses: Span[];
  quotes: Span[];
  sources: FoundName[];
  names: FoundName[];
}

const SEPARATELY = /\bseparate(?:ly)?\b/i;

/**
 * The participants, and for "separate calls to X and Y" (or "spoke separately with X and Y") one
 * list per object: each call had the subject and one of them.
 */
function participantsOf(
  ctx: ArticleContext,
  parts: SentenceParts,
  trigger: Trigger,
  place: FoundName | null,
  alsoNaming: Trigger[],
): { participants: KeyedName[]; separately: KeyedName[][] } {
  const own = attachedNames(ctx.text, parts.names, trigger, parts.sentence, parts.clauses);
  const more = alsoNaming.flatMap((t) => attachedNames(ctx.text, parts.names, t, parts.sentence, parts.clauses).objects).filter((n) => !own.names.includes(n));
  const attachment: Attachment = more.length > 0 ? { ...own, names: [...own.names, ...more], how: "attached" } : own;
  const participants = participantList(ctx, parts, trigger, place, attachment);
  const objects = attachment.objects.filter((n) => n.level === "person").map(keyed);
  const around = ctx.text.slice(Math.max(parts.sentence.start, trigger.start - 20), trigger.end + 12);
  if (!SEPARATELY.test(around)) return { participants, separately: [] };
  const others = participants.filter((p) => !objects.some((o) => sameName(o, p)));
  if (objects.length >= 2) return { participants, separately: objects.map((o) => [...others, o]) };
  // "X and Y held separate calls with Z": each of the subjects had one with the object.
  if (others.length >= 2) return { participants, separately: others.map((s) => [s, ...objects]) };
  return { participants, separately: [] };
}

function participantList(ctx: ArticleContext, parts: SentenceParts, trigger: Trigger, place: FoundName | null, attachment: Attachment): KeyedName[] {
  const quote = insideQuote(parts.quotes, trigger);
  const usable = attachment.names.filter(
    (n) =>
      n !== place &&
      // "visited Santiago": an unknown name where a place goes is a place, not a party.
      !(
        n.type === "OTHER" &&
        (PLACE_BEFORE.test(ctx.text.slice(Math.max(0, n.start - 20), n.start)) || DESTINATION_BEFORE.test(ctx.text.slice(Math.max(0, n.start - 20), n.start)))
      ) &&
      !(place && n.key === place.key) &&
      insideQuote(parts.quotes, n) === quote &&
      // A source is no participant, unless named as the one doing it ("Zelensky, who met …, said").
      (trigger.kind === "statement" || !parts.sources.includes(n) || (attachment.how === "attached" && !attachment.objects.includes(n))),
  );
  const subject = pronounSubject(ctx, trigger, parts.sentence, parts.sources);
  const they = trigger.kind === "statement" ? [] : theySubject(ctx, trigger, parts);
  const persons = uniqueNames(
    [...(subject ? [subject] : []), ...they, ...usable].filter((n) => n.level === "person").map((n) => withRole(ctx, parts.sentence, n)),
  );
  // A statement has one author: the first person (or body) named as making it.
  const most = trigger.kind === "statement" ? 1 : MAX_PARTICIPANTS;
  // "X met the Afghan Taliban": a body named in words of its own, met by persons, is a party beside them (a country is
  // not: its persons speak for it; nor a lone unknown word, a body only for want of other evidence).
  const bodies = usable
    .filter((n) => n.type === "ORGANIZATION" && n.name.includes(" ") && attachment.objects.includes(n) && !introducesPerson(ctx, n))
    .map(keyed);
  if (persons.length > 0) return uniqueNames([...persons, ...unnamedCounterparts(ctx, parts, trigger, persons), ...bodies]).slice(0, most);
  return uniqueNames([...they, ...usable].filter((n) => n.level === "group").map(keyed)).slice(0, most);
}

/** "his Chilean counterpart" with no name after it; a name follows "counterpart Han Sun-mi" and "counterpart, Penny Walsh". */
const UNNAMED_COUNTERPART = /\b(?:his|her|their)\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)\s+counterparts?\b(?!\s*,?\s*\p{Lu})/gu;

/** "Norway's Foreign Minister", "Finnish President", "Secretary of State": the role words right before a name, without the country. */
function roleOf(before: string): string {
  const words = before.trim().split(/\s+/);
  const role: string[] = [];
  for (let i = words.length - 1; i >= 0 && role.length < 4; i--) {
    const w = words[i];
    // "Secretary of State", "head of state": "of" inside a role, between a role word and the rest.
    if (w === "of" && role.length > 0 && i > 0 && ROLE_WORDS.has(words[i - 1].toLowerCase())) {
      role.unshift(w);
      continue;
    }
    if (!/^[\p{L}-]+$/u.test(w) || !(/^\p{Lu}/u.test(w) || ROLE_WORDS.has(w.toLowerCase()))) break;
    if (!countryOfNationality(w) && !isCountry({ name: w })) role.unshift(w.toLowerCase());
  }
  return role.join(" ");
}

/** "Chilean President Tomás Ruiz": a person with the role words that introduce them, which tell whose counterpart they can be. */
function withRole(ctx: ArticleContext, sentence: Span, n: FoundName): RoledName {
  // Read as the counterpart's holder is read (unnamedCounterparts), so that one role reads as one role.
  const role = n.introStart < n.start ? roleOf(ctx.text.slice(Math.max(sentence.start, n.introStart - 40), n.start)) : "";
  return { ...keyed(n), ...(role ? { role } : {}) };
}

/**
 * "X met his Chilean counterpart": Chile's holder of X's role is a party, compared with the persons the
 * other reports give for Chile in that role, or in a role they do not say (names.ts, sameName), keyed by the country and the role.
 */
function unnamedCounterparts(ctx: ArticleContext, parts: SentenceParts, trigger: Trigger, persons: KeyedName[]): KeyedName[] {
  if (trigger.kind === "statement") return [];
  const text = ctx.text.slice(parts.sentence.start, parts.sentence.end);
  const found: KeyedName[] = [];
  for (const m of text.matchAll(UNNAMED_COUNTERPART)) {
    const at = parts.sentence.start + (m.index ?? 0);
    // The counterpart of the nearest happening only.
    const nearest = parts.triggers.reduce((a, b) => (Math.abs(b.start - at) < Math.abs(a.start - at) ? b : a));
    const country = nearest === trigger ? countryOfNationality(m[1]) : null;
    if (!country) continue;
    const holder = ctx.names.find((n) => n.level === "person" && n.end <= at && persons.some((p) => p.key === n.key) && n.affiliation !== country);
    const role = holder ? roleOf(ctx.text.slice(Math.max(parts.sentence.start, holder.introStart - 40), holder.start)) : "";
    found.push({
      name: `${m[1]} counterpart${role ? ` (${role})` : ""}`,
      entityId: null,
      key: `counterpart:${country}${role ? `:${role}` : ""}`,
      level: "person",
      affiliation: country,
    });
  }
  return found;
}

/** "the EU's envoy Y", "EU chief Y": a body whose role words lead to a person's name. */
function introducesPerson(ctx: ArticleContext, n: FoundName): boolean {
  const next = ctx.names.find((m) => m.start >= n.end);
  return next?.level === "person" && /^(?:['’]s)?(?:\s+[\p{Ll}-]+)*,?\s*$/u.test(ctx.text.slice(n.end, next.introStart));
}

/** The trigger's clause, with a few words before it: whether the happening is announced rather than past. */
function surroundings(text: string, trigger: Span, clause: Span, sentence: Span): string {
  const lead = text.slice(sentence.start, clause.start).split(/\s+/).slice(-4).join(" ");
  // "agreed during a call to hold talks": an infinitive after the happening is what was agreed in it, not its status.
  const after = text.slice(trigger.end, Math.max(trigger.end, clause.end)).replace(INFINITIVE_AFTER, "$1");
  return `${lead} ${text.slice(clause.start, trigger.end)}${after}`;
}

const INFINITIVE_AFTER = /^((?:\s+[\p{L}\d,'’-]+){0,4}?)\s+to\s+(?:speak|talk|meet|hold|visit|sign|travel)\b/iu;

/** "would host", "would also travel to": a verb naming a happening right after "would". */
const REPORTED_WOULD =
  /\bwould\s+(?:(?:also|then|later|first|next)\s+)?(?=(?:host|meet|visit|travel|fly|head|hold|speak|talk|call|phone|sign|receive|pay|attend|arrive|exchange|swap|free|release)\b)/i;

/** Six words either side of the trigger, within its clause: whether the happening is hypothetical, generic or denied. */
function nearWords(text: string, trigger: Trigger, clause: Span): string {
  const before = text.slice(clause.start, trigger.start).split(/\s+/).slice(-6).join(" ");
  // "told Okoro in a call that Norway would not …": what was said in it does not make the call hypothetical.
  const after = text
    .slice(trigger.end, clause.end)
    .replace(/\s(?:that|to)\s.*$/s, "")
    .split(/\s+/)
    .slice(0, 7)
    .join(" ");
  return `${before} ${text.slice(trigger.start, trigger.end)} ${after}`;
}

/** "The talks, brokered by Saudi Arabia and the United States, began on Saturday": the apposition, then what the talks did. */
const AGENT_APPOSITION = /^\s*,\s*(?:brokered|mediated|hosted|organi[sz]ed|chaired|sponsored|facilitated|requested|initiated|arranged|called)\s+by\b/i;
const PREDICATE_AFTER =
  /^\s*,\s*(?:began|started|opened|ended|concluded|lasted|resumed|took\s+place|(?:was|were)\s+held|(?:has|have|had)\s+(?:begun|started|ended|concluded))\b/i;
/** ", on the sidelines of the APEC summit in San Francisco last November": where and when, set off by a comma. */
const OCCASION_AFTER = /^\s*,\s*(?:on|at|during)\s+the\s+(?:sidelines|margins|fringes)\s+of\b/i;
const BY_PHONE_AFTER = /^[^,;.]*?\b(?:by|over|on)\s+(?:the\s+)?(?:tele)?phone\b/i;
const SCHEDULE_APPOSITION =
  /^\s*,\s*(?:(?:originally|initially|first|previously|earlier)\s+)?(?:planned|scheduled|set|slated|due|expected)\s+(?:to\s+(?:be\s+held|take\s+place)\s+)?(?:for|in|on|at)\b/i;
const PUT_OFF =
  /^\s*,\s*(?:(?:has|have|had|was|were|is|are|will\s+be)\s+)?(?:been\s+)?(?:postponed|delayed|deferred|pushed\s+back|put\s+off|moved|rescheduled|brought\s+forward)\b/i;

/**
 * "The meeting between X and Y, scheduled for Lima on June 20, was put off until next month": the
 * schedule set off by commas, and the putting off after it, are the happening's clause; so is the
 * venue after a date set off by commas.
 */
function withSchedule(text: string, clause: Span, clauses: Span[]): Span {
  let end = clause.end;
  for (const pattern of [SCHEDULE_APPOSITION, PUT_OFF, OCCASION_AFTER, AGENT_APPOSITION, PREDICATE_AFTER]) {
    if (!pattern.test(text.slice(end, end + 60))) continue;
    const next = clauses.find((c) => c.start >= end);
    if (next) end = next.end;
  }
  // "met Y on Tuesday, June 10, at the Elysee Palace": the date set off by commas, then where.
  const [date, where] = clauses.filter((c) => c.start >= end).slice(0, 2);
  if (date && where && DATE_ALONE.test(text.slice(date.start, date.end)) && VENUE_ALONE.test(text.slice(where.start, where.end))) end = where.end;
  // The same with the comma inside the date ("on Tuesday, June 10") no end of a clause.
  const [venue] = clauses.filter((c) => c.start >= end);
  if (venue && DATE_ENDS.test(text.slice(clause.start, end)) && VENUE_ALONE.test(text.slice(venue.start, venue.end))) end = venue.end;
  return end === clause.end ? clause : { start: clause.start, end };
}

const DATE_ENDS = /(?:\p{Lu}\p{Ll}+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+\p{Lu}\p{Ll}+)\s*$/u;
const DATE_ALONE = /^\s*(?:\p{Lu}\p{Ll}+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+\p{Lu}\p{Ll}+)\s*$/u;
const VENUE_ALONE = /^\s*(?:in|at)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}'’.\s-]{0,60}?[.!]?\s*$/u;

/** A mention with every date its passages state, for the date claims. */
export interface MentionWithDates extends EventMention {
  statedDates: MentionDate[];
}

interface Candidate extends MentionWithDates {
  hypothetical: boolean;
  definite: boolean;
  /** Names a particular happening, not the activity in general ("peace talks", "toward negotiations"). */
  specific: boolean;
  /** An earlier one of a series ("their first call", "an initial discussion", "since their last conversation"). */
  earlierInstance: boolean;
  /** "she also met Y": one more happening beside the one just told, not that one again. */
  further: boolean;
}

function mentionsOfSentence(ctx: ArticleContext, sentence: Span, found: Trigger[]): Candidate[] {
  if (found.length === 0) return [];
  const happenings: Span[] = [];
  for (const d of ctx.dates) if (d.relativeTo?.happening && contains(sentence, d.relativeTo.happening)) happenings.push(d.relativeTo.happening);
  // An agreement reached in a call or meeting is that happening's outcome, not a happening of its own;
  // "signed an agreement", "held a meeting … for talks" name one happening twice.
  const own = found.filter(
    (t) =>
      !(
        t.kind === "agreement" &&
        (t.verbal || FRAMEWORK_BEFORE.test(ctx.text.slice(Math.max(sentence.start, t.start - 30), t.start))) &&
        // "agreed to a ceasefire after talks in Jeddah, according to a statement": talks before are another happening, not the one
        // agreed in, and a statement reports it.
        found.some(
          (o) => o.kind !== "agreement" && o.kind !== "statement" && !ANOTHER_BEFORE.test(ctx.text.slice(Math.max(sentence.start, o.start - 30), o.start)),
        )
      ) &&
      // "met … on the sidelines of a regional summit": the occasion, not the meeting, and its names are not the meeting's parties.
      !(found.some((o) => o !== t && IN_PERSON.has(o.kind)) && OCCASION_BEFORE.test(ctx.text.slice(Math.max(sentence.start, t.start - 50), t.start))) &&
      !(SERIES_NOUN.test(ctx.text.slice(t.start, t.end)) && DISCUSSIONS_STATE.test(ctx.text.slice(t.end, t.end + 30))) &&
      !(t.kind !== "statement" && PRESS_AFTER.test(ctx.text.slice(t.end, t.end + 50))) &&
      // "signed a joint statement": a document both signed, the signing's agreement, not one party's words.
      !(t.kind === "statement" && SIGNED_BEFORE.test(ctx.text.slice(Math.max(sentence.start, t.start - 30), t.start))) &&
      // "discussed prisoner exchanges by telephone": what was discussed, not a happening ("to discuss the talks held
      // the previous day" names one).
      !(!t.verbal && !t.definite && DISCUSSED_BEFORE.test(ctx.text.slice(Math.max(sentence.start, t.start - 40), t.start))) &&
      // "X and visiting Indonesian President Y held talks": "visiting" describes the person; the talks are the happening.
      !(/^visiting$/i.test(ctx.text.slice(t.start, t.end)) && ATTRIBUTIVE_BEFORE.test(ctx.text.slice(Math.max(sentence.start, t.start - 12), t.start))) &&
      // "talks ended without agreement": no agreement, and the talks keep their day and place.
      !(t.kind === "agreement" && NO_AGREEMENT_BEFORE.test(ctx.text.slice(Math.max(sentence.start, t.start - 30), t.start))),
  );
  const triggers: Trigger[] = [];
  // "visited Vienna and met Y", "arrived in Warsaw for talks with Y": the second words name the same happening, and their objects take part in it.
  const alsoNaming = new Map<Trigger, Trigger[]>();
  const clauses = clauseSpans(ctx.text, sentence);
  own.forEach((t, i) => {
    const previous = own[i - 1];
    const separate =
      i === 0 ||
      !kindsCompatible(previous.kind, t.kind) ||
      t.start - previous.end > SAME_HAPPENING_DISTANCE ||
      /[,;:]/.test(ctx.text.slice(previous.end, t.start)) ||
      // "arrived on Sunday and is due to meet Y on Monday": what comes next is another happening.
      (clauseAt(clauses, previous.start) !== clauseAt(clauses, t.start) && opensCoordinatedPredicate(ctx.text, clauseAt(clauses, t.start))) ||
      withinAny(happenings, t) !== withinAny(happenings, previous) ||
      // "visited Lisbon and also met Y", "During the trip she also met Y": a meeting within the visit, not the visit.
      (previous.kind === "visit" && t.kind === "meeting" && t.verbal && ALSO_BEFORE.test(ctx.text.slice(previous.end, t.start)));
    if (separate) triggers.push(t);
    else if (SAME_HAPPENING_LINK.test(ctx.text.slice(previous.end, t.start)))
      alsoNaming.set(triggers[triggers.length - 1], [...(alsoNaming.get(triggers[triggers.length - 1]) ?? []), t]);
  });
  if (triggers.length === 0) return [];
  const names = spansWithin(ctx.names, sentence);
  const parts: SentenceParts = {
    sentence,
    triggers,
    clauses,
    quotes: quoteSpans(ctx.text, sentence),
    sources: sourceNames(ctx.text, names, sentence),
    names,
  };
  const made: Candidate[] = [];
  for (const trigger of triggers) {
    const happening = happenings.find((h) => contains(h, trigger));
    const clause = happening ?? withSchedule(ctx.text, clauseAt(parts.clauses, trigger.start), parts.clauses);
    const place = placeOf(ctx.text, trigger, clause, ctx.names);
    const { participants, separately } =
      happening && trigger.definite ? { participants: [], separately: [] } : participantsOf(ctx, parts, trigger, place, alsoNaming.get(trigger) ?? []);
    const lists = separately.length > 1 ? separately : [participants.length > 0 ? participants : partiesOfAgreementAfter(ctx, made, trigger)];
    made.push(...lists.map((list, i) => candidate(ctx, parts, trigger, clause, place, list, i)));
  }
  return made;
}

const withinAny = (spans: Span[], span: Span) => spans.some((s) => contains(s, span));

const ALSO_BEFORE = /\balso\s+$/i;
const TALKS_LEADING_TO = /\b(?:after|following)\s+(?:[\p{L}\d-]+\s+){0,4}$/iu;

/** "X and Y signed the accord after talks that lasted nine hours": the talks that led to the agreement were between its parties. */
function partiesOfAgreementAfter(ctx: ArticleContext, made: Candidate[], trigger: Trigger): KeyedName[] {
  if (trigger.kind !== "talks" && trigger.kind !== "meeting") return [];
  const agreement = made.findLast((m) => m.kind === "agreement" && m.participants.length >= 2 && m.trigger.end <= trigger.start);
  if (!agreement || !TALKS_LEADING_TO.test(ctx.text.slice(agreement.trigger.end, trigger.start))) return [];
  return agreement.participants;
}

function candidate(
  ctx: ArticleContext,
  parts: SentenceParts,
  trigger: Trigger,
  clause: Span,
  place: FoundName | null,
  participants: KeyedName[],
  index: number,
): Candidate {
  const sentence = parts.sentence;
  const near = nearWords(ctx.text, trigger, clause).replace(/\b(?:no|not)\s+(?:details?|comment)\b/gi, "");
  // "The ministry said X would host Y on Thursday": the future of reported speech, not a condition, when it is dated.
  const reportedFuture =
    REPORTED_WOULD.test(near) &&
    ctx.dates.some((d) => d.start > trigger.end && d.end <= sentence.end) &&
    REPORTING_VERB.test(ctx.text.slice(sentence.start, sentence.end)) &&
    !/\b(?:if|unless|provided|once)\b/i.test(ctx.text.slice(trigger.end, sentence.end));
  const planned =
    reportedFuture ||
    PLANNED.test(surroundings(ctx.text, trigger, clause, sentence)) ||
    (!trigger.definite && TO_RESUME.test(ctx.text.slice(Math.max(sentence.start, trigger.start - 40), trigger.start)));
  const date = pickDate(ctx, trigger, clause, parts, planned);
  return {
    key: `${ctx.article.id}#${trigger.start}${index > 0 ? `.${index}` : ""}`,
    articleId: ctx.article.id,
    outlet: ctx.article.outlet,
    publishedAt: ctx.article.publishedAt,
    // "held talks with X by phone": a call.
    kind: trigger.kind === "talks" && BY_PHONE_AFTER.test(ctx.text.slice(trigger.end, Math.min(clause.end, trigger.end + 80))) ? "phone_call" : trigger.kind,
    planned,
    participants,
    place: place ? placeRef(ctx.text, place, parts.names) : null,
    date,
    statedDates: date.source === "stated" ? [date] : [],
    passages: [sentence],
    trigger: { start: trigger.start, end: trigger.end },
    // A statement's content is often modal ("would review", "called for talks"): only its own words count.
    hypothetical: trigger.kind !== "statement" && HYPOTHETICAL.test(reportedFuture ? near.replace(REPORTED_WOULD, "") : near),
    // "the Oslo talks" in "the day after the Oslo talks" names another happening (its parties are not this
    // sentence's): as "the talks" it points back to the article's earlier mention of them; "two days after a call
    // between X and Y" introduces one, with its own parties.
    definite: trigger.definite,
    specific: trigger.verbal || trigger.definite || participants.length > 0 || place !== null || date.source === "stated",
    earlierInstance: EARLIER_INSTANCE.test(ctx.text.slice(Math.max(sentence.start, trigger.start - 12), trigger.end)),
    further: trigger.verbal && trigger.kind === "meeting" && ALSO_BEFORE.test(ctx.text.slice(Math.max(sentence.start, trigger.start - 12), trigger.start)),
  };
}

/**
 * "X visited Vienna and met Y. The two leaders held talks for three hours": an undated in-person
 * happening of "the two leaders" is the one in person the article just gave them.
 */
function sameGroupHappening(ctx: ArticleContext, earlier: Candidate[], m: Candidate): Candidate | undefined {
  // "The two leaders held talks": the reference is the subject, right before the words naming the happening.
  const subject = ctx.text.slice(Math.max(m.passages[0].start, m.trigger.start - 40), m.trigger.start);
  if (!REFERENCE_AS_SUBJECT.test(subject) || m.participants.length > 0 || m.planned || !IN_PERSON.has(m.kind) || !undatedHere(m)) return undefined;
  const referred = mentionReferredTo(earlier, m, true);
  if (!referred || !IN_PERSON.has(referred.kind) || referred.planned || referred.hypothetical) return undefined;
  if (m.passages[0].start - referred.passages[referred.passages.length - 1].end > REFERENCE_REACH) return undefined;
  return !m.place || !referred.place || samePlace(m.place, referred.place) ? referred : undefined;
}

/** No date of its own yet: none, or one counted from another happening ("the call came a day after the talks"). */
const undatedHere = (m: Candidate) => !m.date.date && (!m.date.relativeTo || m.date.relativeTo.happening !== null);

const pastDated = (m: Candidate) => Boolean(m.date.date && m.publishedAt && m.date.date.slice(0, 7) < m.publishedAt.slice(0, 7));

function participantsFit(later: KeyedName[], earlier: KeyedName[]): boolean {
  if (later.length === 0 || earlier.length === 0) return true;
  const levelLater = later[0].level;
  const levelEarlier = earlier[0].level;
  if (levelLater !== levelEarlier) return true;
  return later.every((n) => earlier.some((e) => sameName(e, n))) || earlier.every((e) => later.some((n) => sameName(e, n)));
}

function sharedParticipants(a: KeyedName[], b: KeyedName[]): number {
  return a.filter((n) => b.some((m) => sameName(n, m))).length;
}

/** The days a date may lie on, as YYYY-MM-DD bounds ("-31" closes any month). */
function daysOf(d: EventMention["date"]): { from: string; to: string } {
  if (d.days) return d.days;
  const date = d.date!;
  if (d.precision === "year") return { from: date, to: `${date.slice(0, 4)}-12-31` };
  return d.precision === "month" ? { from: date, to: `${date.slice(0, 7)}-31` } : { from: date, to: date };
}

function datesFit(a: EventMention["date"], b: EventMention["date"]): boolean {
  if (!a.date || !b.date) return true;
  // "next week" and "on June 17": the day must lie in the week.
  if (a.days || b.days) {
    const [sa, sb] = [daysOf(a), daysOf(b)];
    return sa.from <= sb.to && sb.from <= sa.to;
  }
  const [from, to] = [a.date, b.date].sort();
  return a.precision !== "day" || b.precision !== "day" ? to.startsWith(from.slice(0, 7)) || from.startsWith(to.slice(0, 7)) : from === to;
}

/** A later mention that gives an undated one its date: neither announced, nor an earlier one of a series ("Previous negotiations in Jeddah collapsed in December"). */
const datesThisOne = (e: Candidate, m: Candidate) => undatedHere(e) && !e.planned && !m.planned && !m.earlierInstance;

/** Joins a sentence's mention to the article's earlier mention of the same happening, if there is one. */
function coreferent(earlier: Candidate[], m: Candidate): Candidate | undefined {
  // "the call" after "… following their initial discussion last month": the earlier one of a series is a
  // side remark; a reference back goes to another mention when there is one.
  const refersBack = m.definite && undatedHere(m) && !m.earlierInstance;
  return (refersBack ? coreferentAmong(earlier, m, false) : undefined) ?? coreferentAmong(earlier, m, true);
}

function coreferentAmong(earlier: Candidate[], m: Candidate, earlierInstances: boolean): Candidate | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i];
    if (e.earlierInstance && !earlierInstances) continue;
    // "held separate meetings with X and Y": the words read once per party are that many happenings.
    if (e.trigger.start === m.trigger.start) continue;
    // "visited Lisbon … she also met Y": another happening, unless it names again whom an earlier one had.
    if (m.further && !(m.participants.length > 0 && m.participants.every((p) => e.participants.some((q) => sameName(p, q))))) continue;
    // An announced happening is not one the text dates before the article ("the upcoming call" after "their call last month").
    if (m.planned !== e.planned && pastDated(m.planned ? e : m)) continue;
    // "Tuesday's talks" after "Trump will speak with Putin on Tuesday": talks by phone.
    const talksByPhone =
      [e.kind, m.kind].includes("phone_call") && [e.kind, m.kind].includes("talks") && !m.place && Boolean(e.date.date && e.date.date === m.date.date);
    const oneSentence = e.passages.includes(m.passages[0]) && IN_PERSON.has(m.kind) && IN_PERSON.has(e.kind);
    if ((!kindsCompatible(e.kind, m.kind) && !talksByPhone) || !datesFit(e.date, m.date) || (!participantsFit(m.participants, e.participants) && !oneSentence))
      continue;
    // "paid a state visit to Nigeria, where he met Y in Abuja": within one sentence, a city of the country visited.
    const cityOfCountry = oneSentence && e.place && m.place && isCountry(e.place) !== isCountry(m.place);
    if (e.place && m.place && !samePlace(e.place, m.place) && !cityOfCountry) continue;
    const sameDay = Boolean(e.date.date && m.date.date && e.date.date === m.date.date);
    const shared = sharedParticipants(e.participants, m.participants);
    const sameKind = e.kind === m.kind || talksByPhone;
    const undated = undatedHere(m);
    const refersBack = m.definite && undated;
    const sameParties = shared >= Math.min(2, e.participants.length, m.participants.length) && shared > 0;
    // Within one article, the same place and a fitting date are one happening ("will meet in Saudi Arabia" … "will travel to Saudi Arabia").
    // A headline's undated "leaders meet in Abu Dhabi" is the meeting the first paragraph dates there.
    const samePlaceHere = Boolean(e.place && m.place && samePlace(e.place, m.place)) && (sameDay || undated || (sameKind && datesThisOne(e, m)));
    // "X visited Warsaw on Monday, meeting Y": one sentence, one in-person happening.
    const sameSentence = oneSentence;
    if (
      refersBack ||
      samePlaceHere ||
      sameSentence ||
      // "X and Y have spoken by phone … During the call on Thursday, X …": the call named again with its day.
      (sameKind && (sameParties || m.participants.length === 0) && m.definite && datesThisOne(e, m)) ||
      (sameKind && sameParties && (sameDay || undated)) ||
      (sameKind && sameDay && m.participants.length === 0)
    )
      return e;
  }
  return undefined;
}

/** "the two leaders", "both sides", "they": the parties the article spoke of last. */
const COUNTRIES_REFERENCE = /\b(?:the\s+two|both)\s+(?:countries|nations|governments|states|capitals)\b/i;
const GROUP_REFERENCE =
  /\b(?:the\s+two\s+(?:leaders|presidents|ministers|men|women|sides|countries|governments|delegations|officials|heads\s+of\s+state)|both\s+(?:leaders|sides|men|women|presidents|ministers)|they|their)\b/i;

/**
 * "Their first call was on February 12", "The two leaders last spoke by phone on the 11th": a
 * mention without names is about the parties of the article's last such happening, else of its
 * last happening with two parties.
 */
function mentionReferredTo(earlier: Candidate[], m: Candidate, groupReference: boolean): Candidate | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].kind === m.kind && earlier[i].participants.length > 0) return earlier[i];
  if (groupReference) for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].participants.length >= 2) return earlier[i];
  return undefined;
}

/** "they" alone, not "the two leaders" or "both sides". */
const THEY_ALONE = /\b(?:they|their)\b/i;
/** The nouns a plural subject names the parties already spoken of by ("The leaders also discussed trade"). */
const PARTIES_NOUN =
  /^(?:leaders|presidents|ministers|premiers|counterparts|sides|delegations|countries|nations|governments|heads|men|women|allies|neighbours|neighbors|parties|two|both)$/i;
/** Verbs of saying or thinking: their subject comments on the happening, it is not who "they" are. */
const COMMENT_VERB = /^(?:expects?|expected|hopes?|hoped|warn(?:s|ed)?|fears?|feared|doubts?|doubted|says?|welcomed|welcomes|see|saw|sees|think|thought)$/i;

/**
 * "X met Y on Monday. Opposition lawmakers boycotted the session. They will hold talks on Friday":
 * a sentence between the happening and "they" whose subject is a plural noun (not one for the
 * parties, nor commenting on them) gives "they" another referent than that happening's parties.
 */
function othersMeantBy(ctx: ArticleContext, earlier: Candidate, m: Candidate): boolean {
  const reference = GROUP_REFERENCE.exec(ctx.text.slice(m.passages[0].start, m.passages[0].end));
  if (!reference || !THEY_ALONE.test(reference[0])) return false;
  const from = Math.max(...earlier.passages.map((p) => p.end));
  const to = m.passages[0].start + reference.index;
  return ctx.sentences.some((s) => s.start >= from && s.start < to && pluralSubject(ctx, s.start, Math.min(s.end, to)));
}

/** The sentence opens with a plural noun naming nobody already named ("Opposition lawmakers boycotted", "Hundreds of protesters marched"). */
function pluralSubject(ctx: ArticleContext, start: number, end: number): boolean {
  const opening = ctx.text.slice(start, end).replace(/^(?:[\p{L}\d-]+\s+){0,3}[\p{L}\d]+,\s+/u, "");
  const words = opening.match(/[\p{L}'’-]+/gu) ?? [];
  const verb = words.findIndex((w, i) => i > 0 && isVerbWord(w) && !/s$/.test(w));
  if (verb < 1 || COMMENT_VERB.test(words[verb]) || REPORTING_VERB.test(words[verb])) return false;
  const noun = words[verb - 1];
  if (!/^\p{Ll}[\p{Ll}-]+[^su']s$/u.test(noun) || PARTIES_NOUN.test(noun) || words.slice(0, verb).some((w) => PARTIES_NOUN.test(w) || THEY_ALONE.test(w)))
    return false;
  const subjectEnd = start + ctx.text.slice(start, end).indexOf(noun) + noun.length;
  return !ctx.names.some((n) => n.level === "person" && n.start >= start && n.end <= subjectEnd);
}

const PERSONS_REFERENCE = /\b(?:the\s+two|both)\s+(?:leaders|presidents|(?:prime\s+|foreign\s+)?ministers|men|women|heads\s+of\s+state)\b/i;
const SIDES_REFERENCE = /\b(?:the\s+two|both)\s+(?:sides|delegations|parties)\b/i;
const REFERENCE_AS_SUBJECT = new RegExp(
  String.raw`(?:${[PERSONS_REFERENCE, SIDES_REFERENCE, COUNTRIES_REFERENCE].map((re) => re.source).join("|")})\s+(?:\p{L}+\s+){0,3}$`,
  "iu",
);
/** How far back the parties of "the two leaders" may be named when no happening of theirs was: about a paragraph. */
const REFERENCE_REACH = 600;

/**
 * "Mwangi and Mollel have clashed for months. The two leaders spoke by phone on Tuesday": with no
 * happening to point back to, the two persons (or countries) named just before, if exactly two are.
 */
function partiesNamedBefore(ctx: ArticleContext, passage: Span): KeyedName[] {
  const words = ctx.text.slice(passage.start, passage.end);
  const persons = PERSONS_REFERENCE.test(words);
  const countries = COUNTRIES_REFERENCE.test(words);
  if (!persons && !countries && !SIDES_REFERENCE.test(words)) return [];
  const quotes = quoteSpans(ctx.text, { start: Math.max(0, passage.start - REFERENCE_REACH), end: passage.start });
  const before = ctx.names.filter((n) => n.end <= passage.start && n.start >= passage.start - REFERENCE_REACH && !insideQuote(quotes, n));
  const two = (names: FoundName[]) => {
    const distinct = uniqueNames(names.map(keyed));
    return distinct.length === 2 ? distinct : [];
  };
  const people = persons || !countries ? two(before.filter((n) => n.level === "person")) : [];
  if (people.length > 0 || persons) return people;
  return two(before.filter((n) => n.level === "group" && isCountry(n)));
}

function absorb(target: Candidate, m: Candidate): void {
  target.passages.push(...m.passages.filter((p) => !target.passages.some((q) => q.start === p.start)));
  const joined = uniqueNames([...target.participants, ...m.participants]);
  // Persons are named more precisely than their countries: once there are persons, they are the participants
  // (with a body the happening already had beside persons: "X met the Afghan Taliban").
  const beside = target.participants.some((n) => n.level === "person") ? target.participants.filter((n) => n.level === "group") : [];
  target.participants = (joined.some((n) => n.level === "person") ? joined.filter((n) => n.level === "person" || beside.includes(n)) : joined).slice(
    0,
    MAX_PARTICIPANTS,
  );
  if (target.place && m.place && isCountry(target.place) && !isCountry(m.place)) target.place = { ...m.place, within: normalizeName(target.place.name) };
  else target.place ??= m.place;
  target.statedDates.push(...m.statedDates);
  const better = (m.date.source === "stated" && target.date.source !== "stated") || (!target.date.date && m.date.date && !target.date.relativeTo);
  if (better) target.date = m.date;
  if (target.kind !== m.kind && m.kind === "meeting" && target.kind === "talks") target.kind = m.kind;
  target.hypothetical &&= m.hypothetical;
  target.planned &&= m.planned || !m.date.date;
}

const IN_PERSON = new Set(["meeting", "talks", "visit"]);
const EARLIER_INSTANCE = /\b(?:initial|first|previous|last|earlier|prior)\s+(?:[\p{L}-]+\s+)?\p{L}+$/iu;

/** How far back a visit may be told for "she also met Y" to be a meeting during it. */
const VISIT_REACH = 400;

/**
 * "X visited Lisbon on Monday … she also met Y": a meeting during the visit, with the visitor, where and
 * when the visit was unless its own words say otherwise.
 */
function withinVisit(kept: Candidate[], m: Candidate): void {
  const visit = kept.findLast((k) => k.kind === "visit" && m.trigger.start - k.trigger.end <= VISIT_REACH && k.trigger.end <= m.trigger.start);
  // "X met Y on Monday. He also met Z": with no visit to be part of, it is read as before.
  m.further = visit !== undefined;
  if (!visit) return;
  const visitors = visit.participants.filter((n) => n.level === "person").slice(0, 1);
  m.participants = uniqueNames([...visitors, ...m.participants]).slice(0, MAX_PARTICIPANTS);
  m.place ??= visit.place;
  if (!m.date.date && !m.date.text) m.date = { ...visit.date, source: visit.date.source ? "context" : null };
}

/**
 * Kept on its own: a particular happening reported as real, said to involve someone and to have a
 * date or a place (in-person happenings need one of them; a call between two named people does not).
 */
function substantial(m: Candidate): boolean {
  if (m.hypothetical || !m.specific) return false;
  // A date the text states counts even when it cannot be resolved (no year, no publication date).
  const dated = Boolean(m.date.date || m.date.relativeTo || m.date.text);
  if (m.kind === "statement") return m.participants.length > 0 && dated;
  if (m.kind === "agreement" || m.kind === "exchange") return dated && (m.participants.length > 0 || m.place !== null);
  if (IN_PERSON.has(m.kind)) return (dated || m.place !== null) && (m.participants.length > 0 || (dated && m.place !== null));
  return m.participants.length >= 2 || (m.participants.length >= 1 && dated);
}

/** "Sun" in "Lee Sun-hee", "Mar" in "Mar Roxas": a word of a longer name that chrono reads as a date. */
function withinName(names: FoundName[], d: Span): boolean {
  return names.some((n) => n.start <= d.start && d.end <= n.end && n.end - n.start > d.end - d.start);
}

/** The dates not within a name. */
function outsideNames(names: FoundName[], dates: ResolvedDate[]): ResolvedDate[] {
  // With the names in text order, a date lies within none of those starting at or before it when the farthest
  // end among them falls short of its end: most dates are told so by halves, not against every name.
  const inOrder = names.every((n, i) => i === 0 || names[i - 1].start <= n.start);
  const reach: number[] = [];
  if (inOrder) for (const n of names) reach.push(Math.max(reach[reach.length - 1] ?? -1, n.end));
  return dates.filter((d) => {
    if (inOrder) {
      let lo = 0;
      let hi = names.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (names[mid].start <= d.start) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0 || reach[lo - 1] < d.end) return true;
    }
    return !withinName(names, d);
  });
}

/** For each offset of the text, 1 when it lies within a person's name after its first character. */
function insidePersons(text: string, names: FoundName[]): Uint8Array {
  const inside = new Uint8Array(text.length + 1);
  for (const n of names) if (n.level === "person") inside.fill(1, n.start + 1, n.end);
  return inside;
}

/** The article's happenings, its claims about them, and the passage targets both cite. */
export function extractArticle(article: ProposalArticle, registry: Registry | null): ArticleExtraction {
  const text = article.text;
  const headlines = titleCaseLines(text);
  const names = findNames(text, registry, headlines);
  const ctx: ArticleContext = {
    article,
    text,
    sentences: sentenceSpans(text),
    names,
    dates: outsideNames(names, withDaysOfMonth(text, resolveDatesInText(text, article.publishedAt), article.publishedAt)),
  };
  const headlineStarts = new Set(headlines.map((h) => h.start));
  const insidePerson = insidePersons(text, names);
  const triggers = lineSpans(text)
    .flatMap((line) => (headlineStarts.has(line.start) ? [] : findTriggers(text, line)))
    // "met Omar Said in Geneva": a verb's word inside a person's name ("Said in …") is the name.
    .filter((t) => !(t.verbal && insidePerson[t.start] === 1));
  const kept: Candidate[] = [];
  // "the talks" of "the day after the talks", by the span of the phrase: the earlier mention it points back to.
  const pointedTo = new Map<string, Candidate>();
  // By the span of "a day after …": the mention it dates (the call that "came a day after the talks") and the one it counts from (the talks).
  const counter = new Map<string, Candidate>();
  const countedFrom = new Map<string, Candidate>();
  let next = 0;
  for (const sentence of ctx.sentences) {
    while (next < triggers.length && triggers[next].start < sentence.start) next++;
    const inSentence: Trigger[] = [];
    for (let i = next; i < triggers.length && triggers[i].end <= sentence.end; i++) inSentence.push(triggers[i]);
    for (const m of mentionsOfSentence(ctx, sentence, inSentence)) {
      const groupReference = GROUP_REFERENCE.test(ctx.text.slice(m.passages[0].start, m.passages[0].end));
      const words = ctx.text.slice(m.trigger.start, m.trigger.end);
      const reciprocal = RECIPROCAL_SPEECH.test(words);
      const series = SERIES_NOUN.test(words) || reciprocal;
      // "They spoke …" points back as "the meeting" does.
      if (reciprocal && m.participants.length === 0) m.definite = true;
      // "Communication between the two leaders resumed, following an initial discussion last month": their series' kind.
      if (series) {
        const referred = m.participants.length === 0 ? mentionReferredTo(kept, m, true) : undefined;
        const ofParties = referred ?? [...kept].reverse().find((k) => sharedParticipants(k.participants, m.participants) >= 2);
        if (ofParties) m.kind = ofParties.kind;
      }
      // "What does Trump want to talk to Putin about?": a hypothetical mention joins nothing unless it points back ("the call").
      if (m.further) withinVisit(kept, m);
      const target = m.hypothetical && !m.definite ? undefined : (coreferent(kept, m) ?? (m.further ? undefined : sameGroupHappening(ctx, kept, m)));
      const phrase = ctx.dates.find((d) => d.relativeTo?.happening && contains(d.relativeTo.happening, m.trigger))?.relativeTo?.happening;
      const owner = target ?? m;
      const counting = countingExpression(ctx, sentence, m.trigger);
      if (counting && (target || !phrase || !m.definite)) countedFrom.set(spanKey(counting), owner);
      for (const d of ctx.dates)
        if (d.relativeTo?.happening && d.relativeTo.amount !== null && contains(sentence, d) && m.trigger.end <= d.start) counter.set(spanKey(d), owner);
      if (target) {
        absorb(target, m);
        if (phrase) pointedTo.set(spanKey(phrase), target);
      } else if (!phrase || !m.definite) {
        if (m.participants.length === 0 && (m.definite || groupReference || series)) {
          const earlier = mentionReferredTo(kept, m, groupReference || series);
          const referred = earlier && othersMeantBy(ctx, earlier, m) ? [] : (earlier?.participants ?? partiesNamedBefore(ctx, m.passages[0]));
          // "officials from the two countries" after a call between two leaders: the countries, not the leaders.
          const toGroups = COUNTRIES_REFERENCE.test(ctx.text.slice(m.passages[0].start, m.passages[0].end));
          m.participants = toGroups ? referred.filter((n) => n.level === "group") : referred;
        }
        // A bare "the talks" with nothing of its own and nothing to point back to would gather unrelated mentions.
        // A happening another is counted from may get its date from that one below.
        if (substantial(m) || counting || (m.definite && (m.participants.length > 0 || m.place || m.date.date))) kept.push(m);
      }
    }
  }
  for (const m of kept) {
    const anchor = m.date.relativeTo?.happening ? pointedTo.get(spanKey(m.date.relativeTo.happening)) : undefined;
    const counted = anchor && anchor !== m ? countedFromMention(m.date, anchor.date) : null;
    if (counted) {
      m.statedDates = m.statedDates.map((d) => (d === m.date ? counted : d));
      m.date = counted;
    }
  }
  for (const [key, from] of countedFrom) {
    const dated = counter.get(key);
    const expression = ctx.dates.find((d) => spanKey(d) === key);
    if (!dated || !expression || from === dated) continue;
    if (!from.date.date) {
      const back = countedBack(expression, dated.date);
      if (back) from.date = back;
    } else if (!dated.date.date) {
      const counted = countedFromMention(dated.date, from.date);
      if (counted) {
        dated.statedDates = dated.statedDates.map((d) => (d === dated.date ? counted : d));
        dated.date = counted;
      }
    }
  }
  const found = kept.filter(substantial);
  const claims = extractClaims(ctx, found);
  const mentions: EventMention[] = found.map(({ hypothetical: _h, definite: _d, specific: _p, statedDates: _s, earlierInstance: _e, further: _f, ...m }) => m);
  const targets: ArticleExtraction["targets"] = {};
  for (const span of [...mentions.flatMap((m) => m.passages), ...claims.map((c) => c.passage)])
    targets[spanKey(span)] ??= passageTarget(article.id, text, span);
  return { articleId: article.id, outlet: article.outlet, publishedAt: article.publishedAt, mentions, claims, targets };
}
