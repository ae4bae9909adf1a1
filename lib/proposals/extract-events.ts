/**
 * The happenings one article reports: for each sentence, the words that name a happening
 * (a trigger), who takes part, where, and when; then the sentences of one article that speak
 * of the same happening are joined ("the call" after "Lavrov spoke with Rubio on Saturday").
 * Pure: text in, JSON-serializable mentions and claim drafts out.
 */
import { resolveDatesInText, type ResolvedDate } from "@/lib/events/dates";
import { extractClaims } from "./claims";
import { findNames, isCountry, sameName, titleCaseLines, type FoundName, type Registry } from "./names";
import { pickDate } from "./resolve-dates";
import { contains, lineSpans, passageTarget, sentenceSpans, spanKey } from "./text";
import { findTriggers, type Trigger } from "./triggers";
import type { ArticleExtraction, EventMention, KeyedName, MentionDate, ProposalArticle, Span } from "./types";
import { HYPOTHETICAL, kindsCompatible, PLANNED, REPORTING_VERB } from "./vocabulary";

/** Everything about the article's text that mentions and claims are read from, computed once. */
export interface ArticleContext {
  article: ProposalArticle;
  text: string;
  sentences: Span[];
  names: FoundName[];
  dates: ResolvedDate[];
}

const CLAUSE_BREAK = /[,;:()\u2013\u2014]/;
/** Where one happening's words end and another's begin: clause punctuation, or a word that opens a new clause. */
const SCOPE_BREAK = /[,;:()\u2013\u2014]|\s(?:after|before|following|when|while|as|but|which|who|including|ahead\s+of|since|until)\s/g;
const MAX_PARTICIPANTS = 6;

/** The part of the sentence that belongs to a trigger: up to the clause breaks between it and its neighbours. */
function scopeOf(text: string, sentence: Span, triggers: Trigger[], index: number, happenings: Span[]): Span {
  const t = triggers[index];
  const inside = happenings.find((h) => contains(h, t));
  if (inside) return inside;
  let start = sentence.start;
  let end = sentence.end;
  const prev = triggers[index - 1];
  const next = triggers[index + 1];
  if (prev) {
    const gap = text.slice(prev.end, t.start);
    const cuts = [...gap.matchAll(SCOPE_BREAK)];
    const cut = cuts[cuts.length - 1];
    start = cut ? prev.end + cut.index + (CLAUSE_BREAK.test(cut[0]) ? 1 : 0) : prev.end;
  }
  if (next) {
    const gap = text.slice(t.end, next.start);
    const cut = gap.search(new RegExp(SCOPE_BREAK.source));
    end = cut === -1 ? next.start : t.end + cut;
  }
  return { start, end };
}

/** "In a statement issued on Monday, President X said …": the speaker is the subject of the sentence, past the clause break. */
function statementScope(sentence: Span, triggers: Trigger[], index: number): Span {
  return { start: triggers[index - 1]?.end ?? sentence.start, end: triggers[index + 1]?.start ?? sentence.end };
}

/** Regions that name a source ("Peskov said", "according to TASS", "…, said the ministry"): not participants. */
function sourceRegions(text: string, sentence: Span): Span[] {
  const slice = text.slice(sentence.start, sentence.end);
  const regions: Span[] = [];
  const re = new RegExp(REPORTING_VERB.source, "gi");
  for (const m of slice.matchAll(re)) {
    const at = sentence.start + m.index;
    const after = at + m[0].length;
    if (/^according to/i.test(m[0])) {
      const stop = text.slice(after, sentence.end).search(CLAUSE_BREAK);
      regions.push({ start: after, end: stop === -1 ? sentence.end : after + stop });
      continue;
    }
    const before = text.slice(sentence.start, at);
    let cut = -1;
    for (let i = before.length - 1; i >= 0; i--) if (CLAUSE_BREAK.test(before[i]) || /["“”]/.test(before[i])) { cut = i; break; }
    const subject = { start: sentence.start + cut + 1, end: at };
    if (text.slice(subject.start, subject.end).trim().split(/\s+/).length <= 16) regions.push(subject);
    // "…," said Peskov / "…", the ministry said.
    if (/[,"”]\s*$/.test(before)) {
      const stop = text.slice(after, sentence.end).search(/[,;.]/);
      regions.push({ start: after, end: stop === -1 ? sentence.end : after + stop });
    }
  }
  return regions;
}

const PLACE_BEFORE = /\b(?:in|at)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;
const DESTINATION_BEFORE = /\b(?:to|visit(?:s|ed|ing)?|in)\s+(?:the\s+)?$/iu;
const NOT_THE_HAPPENINGS_PLACE = /\b(?:war|conflict|crisis|situation|peace|fighting|troops|settlement|ceasefire|sanctions|people|soldiers|interests|relations|region|operations?|attacks?)\b/i;

function placeOf(text: string, trigger: Trigger, scope: Span, names: FoundName[]): FoundName | null {
  const candidates = names.filter((n) => contains(scope, n) && (n.type === "PLACE" || n.type === "OTHER"));
  let best: { name: FoundName; distance: number } | null = null;
  for (const n of candidates) {
    const before = text.slice(Math.max(scope.start, n.start - 30), n.start);
    const between = n.start >= trigger.end ? text.slice(trigger.end, n.start) : text.slice(n.end, trigger.start);
    // "the Istanbul talks" names a place; "Ukraine-Russia talks" and "US talks" name the parties.
    const attributive = n.end <= trigger.start && /^\s*$/.test(text.slice(n.end, trigger.start)) && !trigger.verbal && !isCountry(n) && !/[-–]$/.test(text.slice(n.start - 1, n.start));
    const located = PLACE_BEFORE.test(before) || (trigger.kind === "visit" && DESTINATION_BEFORE.test(before));
    if (!attributive && !located) continue;
    if (n.type === "OTHER" && !located) continue;
    if (!attributive && (NOT_THE_HAPPENINGS_PLACE.test(between) || between.length > 80)) continue;
    const distance = Math.abs(n.start - trigger.start);
    if (!best || distance < best.distance) best = { name: n, distance };
  }
  return best?.name ?? null;
}

const PRONOUN_SUBJECT = /\b(he|she|i|we)\b(?:['’]ll|\s+(?:[\p{L}'’]+\s+){0,3})?$/iu;

/** "he plans to speak", "I'll be speaking": the person the pronoun stands for. */
function pronounSubject(ctx: ArticleContext, trigger: Trigger, sentence: Span, sources: Span[]): FoundName | null {
  const before = ctx.text.slice(Math.max(sentence.start, trigger.start - 40), trigger.start);
  const m = PRONOUN_SUBJECT.exec(before);
  if (!m) return null;
  const firstPerson = /^(?:i|we)$/i.test(m[1]);
  const persons = ctx.names.filter((n) => n.level === "person");
  if (firstPerson) {
    // The speaker of the quote: the source named in the same sentence.
    const speaker = persons.find((n) => contains(sentence, n) && sources.some((s) => contains(s, n)));
    if (speaker) return speaker;
  }
  const pronounAt = trigger.start - before.length + m.index;
  const paragraphFloor = Math.max(0, pronounAt - 600);
  const earlier = persons.filter((n) => n.end <= pronounAt && n.start >= paragraphFloor);
  return earlier[earlier.length - 1] ?? null;
}

function keyed(n: FoundName): KeyedName {
  return { name: n.name, entityId: n.entityId, key: n.key, level: n.level, ...(n.affiliation ? { affiliation: n.affiliation } : {}) };
}

function uniqueNames(names: KeyedName[]): KeyedName[] {
  const kept: KeyedName[] = [];
  for (const n of names) if (!kept.some((k) => sameName(k, n))) kept.push(n);
  return kept;
}

function participantsOf(ctx: ArticleContext, trigger: Trigger, scope: Span, sentence: Span, place: FoundName | null, sources: Span[]): KeyedName[] {
  const inScope = ctx.names.filter((n) => contains(scope, n) && n !== place && !(place && n.key === place.key));
  const speakerCounts = trigger.kind === "statement";
  const counted = inScope.filter((n) => speakerCounts || !sources.some((s) => contains(s, n)));
  const located = counted.filter((n) => !(n.type === "PLACE" && PLACE_BEFORE.test(ctx.text.slice(Math.max(scope.start, n.start - 30), n.start))));
  const subject = trigger.verbal || trigger.kind === "phone_call" ? pronounSubject(ctx, trigger, sentence, sources) : null;
  const persons = uniqueNames([...(subject ? [keyed(subject)] : []), ...located.filter((n) => n.level === "person").map(keyed)]);
  // A statement has one author: the first person (or body) the sentence names.
  const most = trigger.kind === "statement" ? 1 : MAX_PARTICIPANTS;
  if (persons.length > 0) return persons.slice(0, most);
  return uniqueNames(located.filter((n) => n.level === "group").map(keyed)).slice(0, most);
}

/** Words around the trigger that decide tense and modality: a few words before, fewer after, inside its scope. */
function windowAround(text: string, trigger: Trigger, scope: Span, before: number, after: number): string {
  const left = text.slice(scope.start, trigger.start).split(/\s+/).slice(-before).join(" ");
  const right = text.slice(trigger.end, scope.end).split(/\s+/).slice(0, after + 1).join(" ");
  return `${left} ${text.slice(trigger.start, trigger.end)} ${right}`;
}

/** A mention with every date its passages state, for the date claims. */
export interface MentionWithDates extends EventMention {
  statedDates: MentionDate[];
}

interface Candidate extends MentionWithDates {
  hypothetical: boolean;
  definite: boolean;
}

function mentionsOfSentence(ctx: ArticleContext, sentence: Span, found: Trigger[]): Candidate[] {
  const kindsFound = new Set(found.map((t) => t.kind));
  const happenings = ctx.dates.flatMap((d) => (d.relativeTo?.happening && contains(sentence, d.relativeTo.happening) ? [d.relativeTo.happening] : []));
  const inHappening = (t: Trigger) => happenings.some((h) => contains(h, t));
  // An agreement reached in a call or meeting is that happening's outcome, not a happening of its own;
  // "signed an agreement", "met … for talks" name one happening twice.
  const triggers = found
    .filter((t) => !(t.kind === "agreement" && t.verbal && kindsFound.size > 1))
    .filter((t, i, all) => i === 0 || !kindsCompatible(all[i - 1].kind, t.kind) || inHappening(t) !== inHappening(all[i - 1]));
  if (triggers.length === 0) return [];
  const sources = sourceRegions(ctx.text, sentence);
  const candidates: Candidate[] = [];
  triggers.forEach((trigger, index) => {
    if (candidates.some((c) => c.kind === trigger.kind && !inHappening(trigger))) return;
    const scope = trigger.kind === "statement" ? statementScope(sentence, triggers, index) : scopeOf(ctx.text, sentence, triggers, index, happenings.filter((h) => !contains(h, trigger)));
    const place = placeOf(ctx.text, trigger, scope, ctx.names);
    const participants = participantsOf(ctx, trigger, scope, sentence, place, sources);
    const nearby = windowAround(ctx.text, trigger, scope, 8, 4);
    const date = pickDate(ctx, trigger, scope, sentence, sources);
    candidates.push({
      key: `${ctx.article.id}#${trigger.start}`,
      articleId: ctx.article.id,
      outlet: ctx.article.outlet,
      publishedAt: ctx.article.publishedAt,
      kind: trigger.kind,
      planned: PLANNED.test(windowAround(ctx.text, trigger, scope, 10, 6)),
      participants,
      place: place ? keyed(place) : null,
      date,
      statedDates: date.source === "stated" ? [date] : [],
      passages: [sentence],
      trigger: { start: trigger.start, end: trigger.end },
      // A statement's content is often modal ("would review", "called for talks"): only its own words count.
      hypothetical: trigger.kind !== "statement" && HYPOTHETICAL.test(nearby.replace(/\b(?:no|not)\s+(?:details?|comment)\b/gi, "")),
      definite: trigger.definite,
    });
  });
  return candidates;
}

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

function datesFit(a: EventMention["date"], b: EventMention["date"]): boolean {
  if (!a.date || !b.date) return true;
  const [from, to] = [a.date, b.date].sort();
  return a.precision !== "day" || b.precision !== "day" ? to.startsWith(from.slice(0, 7)) || from.startsWith(to.slice(0, 7)) : from === to;
}

/** Joins a sentence's mention to the article's earlier mention of the same happening, if there is one. */
function coreferent(earlier: Candidate[], m: Candidate): Candidate | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i];
    if (!kindsCompatible(e.kind, m.kind) || !datesFit(e.date, m.date) || !participantsFit(m.participants, e.participants)) continue;
    if (e.place && m.place && !sameName(e.place, m.place)) continue;
    const sameDay = Boolean(e.date.date && m.date.date && e.date.date === m.date.date);
    const shared = sharedParticipants(e.participants, m.participants);
    const sameKind = e.kind === m.kind;
    const undated = !m.date.date && !m.date.relativeTo;
    const refersBack = m.definite && undated;
    const sameParties = shared >= Math.min(2, e.participants.length, m.participants.length) && shared > 0;
    if (refersBack || (sameKind && sameParties && (sameDay || undated)) || (sameKind && sameDay && m.participants.length === 0)) return e;
  }
  return undefined;
}

/** "the two leaders", "both sides", "they": the parties the article spoke of last. */
const GROUP_REFERENCE = /\b(?:the\s+two\s+(?:leaders|presidents|ministers|men|women|sides|countries|governments|delegations|officials|heads\s+of\s+state)|both\s+(?:leaders|sides|men|women|presidents|ministers)|they|their)\b/i;

/**
 * "Their first call was on February 12", "The two leaders last spoke by phone on the 11th": a
 * mention without names is about the parties of the article's last such happening, else of its
 * last happening with two parties.
 */
function participantsReferredTo(earlier: Candidate[], m: Candidate): KeyedName[] {
  for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].kind === m.kind && earlier[i].participants.length > 0) return earlier[i].participants;
  for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].participants.length >= 2) return earlier[i].participants;
  return [];
}

function absorb(target: Candidate, m: Candidate): void {
  target.passages.push(...m.passages.filter((p) => !target.passages.some((q) => q.start === p.start)));
  target.participants = uniqueNames([...target.participants, ...m.participants]).slice(0, MAX_PARTICIPANTS);
  target.place ??= m.place;
  target.statedDates.push(...m.statedDates);
  const better = (m.date.source === "stated" && target.date.source !== "stated") || (!target.date.date && m.date.date && !target.date.relativeTo);
  if (better) target.date = m.date;
  if (target.kind !== m.kind && m.kind === "meeting" && target.kind === "talks") target.kind = m.kind;
  target.hypothetical &&= m.hypothetical;
  target.planned &&= m.planned || !m.date.date;
}

/** Kept on its own: reported as real and said to involve someone, somewhere or sometime. */
function substantial(m: Candidate): boolean {
  if (m.hypothetical) return false;
  const dated = Boolean(m.date.date || m.date.relativeTo);
  if (m.kind === "statement") return m.participants.length > 0 && dated;
  if (m.kind === "agreement" || m.kind === "exchange") return dated && (m.participants.length > 0 || m.place !== null);
  return m.participants.length >= 2 || (m.participants.length >= 1 && (dated || m.place !== null)) || (dated && m.place !== null);
}

/** The article's happenings, its claims about them, and the passage targets both cite. */
export function extractArticle(article: ProposalArticle, registry: Registry | null): ArticleExtraction {
  const text = article.text;
  const ctx: ArticleContext = {
    article,
    text,
    sentences: sentenceSpans(text),
    names: findNames(text, registry),
    dates: resolveDatesInText(text, article.publishedAt),
  };
  const headlines = titleCaseLines(text);
  const triggers = lineSpans(text).flatMap((line) => (headlines.some((h) => h.start === line.start) ? [] : findTriggers(text, line)));
  const kept: Candidate[] = [];
  let next = 0;
  for (const sentence of ctx.sentences) {
    while (next < triggers.length && triggers[next].start < sentence.start) next++;
    const inSentence: Trigger[] = [];
    for (let i = next; i < triggers.length && triggers[i].end <= sentence.end; i++) inSentence.push(triggers[i]);
    for (const m of mentionsOfSentence(ctx, sentence, inSentence)) {
      const target = coreferent(kept, m);
      if (target) absorb(target, m);
      else {
        if (m.participants.length === 0 && (m.definite || GROUP_REFERENCE.test(ctx.text.slice(m.passages[0].start, m.passages[0].end)))) m.participants = participantsReferredTo(kept, m);
        if (substantial(m) || m.definite) kept.push(m);
      }
    }
  }
  const found = kept.filter(substantial);
  const claims = extractClaims(ctx, found);
  const mentions: EventMention[] = found.map(({ hypothetical: _h, definite: _d, statedDates: _s, ...m }) => m);
  const targets: ArticleExtraction["targets"] = {};
  for (const span of [...mentions.flatMap((m) => m.passages), ...claims.map((c) => c.passage)]) targets[spanKey(span)] ??= passageTarget(article.id, text, span);
  return { articleId: article.id, outlet: article.outlet, publishedAt: article.publishedAt, mentions, claims, targets };
}
