/**
 * The checkable statements an article makes about each happening it reports: date and time,
 * duration, counts, place, participants, who initiated it, and quoted statements. Each value
 * is one of the typed claim values of lib/contradictions, so accepting a proposal creates the
 * annotation and the claim in one step. Pure.
 */
import type { ClaimValue, DateValue } from "@/lib/contradictions/claim-values";
import { findDurations, parseValue } from "@/lib/contradictions/compare-values";
import type { ArticleContext, MentionWithDates } from "./extract-events";
import type { FoundName } from "./names";
import { type DatedHappening, resolveAgainstHappenings } from "./resolve-dates";
import { allMatches, contains, overlaps, spansWithin } from "./text";
import type { ClaimDraft, MentionDate, NameRef, Span } from "./types";

const WEEK_MS = 6 * 86_400_000;

/**
 * "last week", "on Sunday and Monday": words as precise as days within a week, which no date value
 * states; the period holding them (a month, a year) would claim what the source did not say and
 * agree with any day in it, so they give no date claim (the happening's proposal keeps the days).
 * "about a month ago" is a month's words and claims its month.
 */
function dateValue(d: MentionDate): DateValue | null {
  if (!d.localDate || !d.precision) return null;
  if (d.days && Date.parse(d.days.to) - Date.parse(d.days.from) <= WEEK_MS) return null;
  return {
    type: "date",
    localDate: d.localDate,
    precision: d.precision,
    ...(d.timeZone ? { timeZone: d.timeZone } : {}),
    ...(d.partOfDay ? { partOfDay: d.partOfDay } : {}),
  };
}

function draft(mention: MentionWithDates, attribute: string, value: ClaimValue, passage: Span, evidence: Span, speaker?: NameRef): ClaimDraft {
  return {
    key: `${mention.articleId}#${attribute}#${passage.start}#${evidence.start}`,
    mentionKey: mention.key,
    articleId: mention.articleId,
    outlet: mention.outlet,
    attribute,
    value,
    passage,
    evidence,
    ...(speaker ? { speaker } : {}),
  };
}

/** Every length of time names its unit ("hours", "hrs", "minutes", "mins"); most sentences name none, and the full pattern is costly. */
const DURATION_UNIT = /h(?:ou)?r|min/iu;

function durationsIn(passage: string): ReturnType<typeof findDurations> {
  return DURATION_UNIT.test(passage) ? findDurations(passage) : [];
}

const COUNTED_KINDS = new Set(["exchange", "agreement", "talks", "meeting", "visit"]);
/** "1,000 prisoners", "about 390 prisoners of war": a number and the plural noun it counts ("… each": per side). */
const COUNT =
  /\b((?:(?:more than|over|about|around|approximately|roughly|nearly|almost|at least|up to|some|fewer than|less than)\s+)?\d{1,3}(?:,\d{3})+|\b(?:(?:more than|over|about|around|approximately|roughly|nearly|almost|at least|up to|some|fewer than|less than)\s+)?\d+)\s+((?:[\p{Ll}-]+\s+){0,2}?)(\p{Ll}+s)\b/gu;
const NOT_COUNTED =
  /^(?:days|weeks|months|years|hours|minutes|seconds|times|points|percent|cents|dollars|euros|kilometres|kilometers|miles|metres|meters|tons|tonnes|people's|decades|centuries)$/;
const PER_SIDE =
  /^\s*(?:\p{L}+\s+){0,3}?(?:from|on|for)\s+(?:each|either|both)\s+sides?\b|^\s*(?:\p{L}+\s+){0,3}?(?:per|each)\s+side\b|^\s*(?:apiece|each)\b(?!\s+(?:day|week|month|year|time|night|morning)s?\b)/iu;

function countClaims(ctx: ArticleContext, mention: MentionWithDates, passage: Span, taken: Span[]): ClaimDraft[] {
  if (!COUNTED_KINDS.has(mention.kind)) return [];
  const claims: ClaimDraft[] = [];
  const slice = ctx.text.slice(passage.start, passage.end);
  for (const m of allMatches(COUNT, slice)) {
    const evidence = { start: passage.start + m.index, end: passage.start + m.index + m[0].length };
    if (taken.some((t) => overlaps(t, evidence)) || NOT_COUNTED.test(m[3])) continue;
    if (/^(?:19|20)\d{2}$/.test(m[1].replace(/^\D+/, ""))) continue;
    const value = parseValue("number", m[1], { publishedAt: null });
    if (value?.type !== "number") continue;
    const perSide = PER_SIDE.test(ctx.text.slice(evidence.end, Math.min(passage.end, evidence.end + 40)));
    claims.push(draft(mention, m[3].toLowerCase(), perSide ? { ...value, per: "side" } : value, passage, evidence));
  }
  return claims;
}

const INITIATIVE_OF =
  /\b(?:at\s+the\s+(?:initiative|request|invitation|behest)\s+of|(?:initiated|requested|arranged|sought|proposed)\s+by|(?:a\s+)?call\s+from)\s+(?:the\s+)?/gi;
const INITIATIVE_POSSESSIVE = /['’]s?\s+(?:initiative|request|invitation|behest)\b/gi;
const CALLED_BY_SUBJECT = /^(?:called|phoned|telephoned|rang|dialed|dialled)\b/i;

/**
 * Parties the registry knows are entities; a party it does not know yet (an outlet's first report
 * of a new official) is stated by name, so the source's claim is not lost for want of an entry.
 * Names are listed in one order, so that two sources naming the same parties state the same text.
 */
function partiesValue(parties: NameRef[]): ClaimValue {
  if (parties.every((p) => p.entityId)) return { type: "entities", ids: [...new Set(parties.map((p) => p.entityId!))] };
  return { type: "text", text: [...new Set(parties.map((p) => p.name))].sort((a, b) => a.localeCompare(b)).join(", ") };
}

/** The fullest name the article gives the party (its participant entry), else the words found. */
function partyOf(mention: MentionWithDates, name: FoundName): NameRef {
  const participant = mention.participants.find((p) => p.key === name.key);
  return { name: participant?.name ?? name.name, entityId: name.entityId ?? participant?.entityId ?? null };
}

function initiatorClaim(ctx: ArticleContext, mention: MentionWithDates, passage: Span, names: FoundName[]): ClaimDraft | null {
  const slice = ctx.text.slice(passage.start, passage.end);
  for (const m of allMatches(INITIATIVE_OF, slice)) {
    const at = passage.start + m.index + m[0].length;
    const name = names.find((n) => n.start >= at && n.start <= at + 12);
    if (name) return draft(mention, "initiator", partiesValue([partyOf(mention, name)]), passage, { start: passage.start + m.index, end: name.end });
  }
  for (const m of allMatches(INITIATIVE_POSSESSIVE, slice)) {
    const at = passage.start + m.index;
    const name = names.find((n) => n.end === at);
    if (name) return draft(mention, "initiator", partiesValue([partyOf(mention, name)]), passage, { start: name.start, end: at + m[0].length });
  }
  if (
    mention.kind === "phone_call" &&
    contains(passage, mention.trigger) &&
    CALLED_BY_SUBJECT.test(ctx.text.slice(mention.trigger.start, mention.trigger.end))
  ) {
    const before = names.filter((n) => n.end <= mention.trigger.start && n.start >= passage.start && n.level === "person");
    const caller = before[before.length - 1];
    if (caller && ctx.text.slice(caller.end, mention.trigger.start).trim().split(/\s+/).length <= 3) {
      return draft(mention, "initiator", partiesValue([partyOf(mention, caller)]), passage, { start: caller.start, end: mention.trigger.end });
    }
  }
  return null;
}

/**
 * Double quotes of a sentence's length, or single curly ones of any length (‘positive,’): an
 * opening ‘ is never an apostrophe, and the closing ’ must end the word.
 */
const QUOTE = /["“]([^"“”]{12,600})["”]|(?<![\p{L}\d])‘([^‘’"“”]{2,300}?)’(?!\p{L})/gu;
const SPEAKER_AFTER = /^\s*,?\s*(?:(?:\p{Lu}[\p{L}'’.-]*\s+){0,4})?(?:said|says|told|stated|added|wrote|noted|stressed)\b/u;

/**
 * Quoted words in the passage with the name of whoever said them in the same sentence; with
 * `parties`, only words said by one of them or by a spokesperson (the sentences after a
 * happening's own), so that an analyst's view is not taken for a party's statement.
 */
function statementClaims(ctx: ArticleContext, mention: MentionWithDates, passage: Span, names: FoundName[], parties?: ReadonlySet<string>): ClaimDraft[] {
  const claims: ClaimDraft[] = [];
  const slice = ctx.text.slice(passage.start, passage.end);
  for (const m of allMatches(QUOTE, slice)) {
    const quote = { start: passage.start + m.index, end: passage.start + m.index + m[0].length };
    const speaker = speakerOf(ctx.text, passage, quote, names);
    if (!speaker || commentator(ctx.text, speaker)) continue;
    if (parties && !parties.has(speaker.key) && !speaksForParty(ctx.text, speaker)) continue;
    const inner = { start: quote.start + 1, end: quote.end - 1 };
    const text = (m[1] ?? m[2]).trim().replace(/[,]$/, "");
    claims.push(draft(mention, "statement", { type: "text", text }, passage, inner, partyOf(mention, speaker)));
  }
  return claims;
}

/**
 * "said, …", "told reporters …", "called them a …", "described the talks as …", just before the
 * quote; or "said the dialogue “is being prepared”": a few words of the reported clause before a
 * quote that goes on with it in lower case.
 */
const SAYS_BEFORE =
  /\b(?:said|says|told\s+[\p{L}\s]{0,30}|stated|added|wrote|posted|called\s+(?:it|them|the\s+\p{L}+)(?:\s+an?)?|described\s+[\p{L}\s]{0,30}as)\s*[:,]?\s*$/u;
const SAYS_CLAUSE_BEFORE = /\b(?:said|says|stated|added)\s+(?:that\s+)?(?:[\p{Ll}\p{Lu}][\p{L}’'-]*\s+){1,4}$/u;
/** Speaks for a party: the one whose words a party's spokesperson or press office reads out. */
const SPOKESPERSON_BEFORE = /\b(?:spokes(?:man|woman|person)|press\s+secretary|press\s+officer|press\s+service|aide)\b[^.;"“”]{0,30}$/iu;
const SPOKESPERSON_AFTER = /^,\s*(?:the\s+|an?\s+)?(?:[\p{L}’'-]+\s+){0,4}(?:spokes(?:man|woman|person)|press\s+secretary|press\s+officer|aide)\b/iu;

/** Comments on the story rather than speaks for a party: "Analyst Tom Reed", "…, a professor of …". */
const COMMENTATOR_BEFORE = /\b(?:analysts?|experts?|professor|scholar|researcher|commentator|economist|observer)\b[^.;"“”]{0,30}$/iu;
const COMMENTATOR_AFTER =
  /^,?\s*(?:(?:an?|the)\s+)?(?:[\p{L}’'-]+\s+){0,3}(?:analyst|expert|professor|scholar|researcher|commentator|economist|observer|fellow|former\s+\p{L}+)\b|^\s+of\s+the\s+[\p{Lu}][\p{L}\s]{0,40}(?:Institute|Forum|Centre|Center|University|Foundation|Council)\b/u;

function speaksForParty(text: string, n: FoundName): boolean {
  return SPOKESPERSON_BEFORE.test(text.slice(Math.max(0, n.introStart - 40), n.start)) || SPOKESPERSON_AFTER.test(text.slice(n.end, n.end + 60));
}

function commentator(text: string, n: FoundName): boolean {
  return COMMENTATOR_BEFORE.test(text.slice(Math.max(0, n.introStart - 40), n.start)) || COMMENTATOR_AFTER.test(text.slice(n.end, n.end + 80));
}
/** "wrote on the social platform Truth Social:", "said in a statement:": a verb of saying, then a colon opening the quote. */
const SAYS_THEN_COLON = /\b(?:said|says|told|stated|added|wrote|posted)\b[^.!?"“”:]{0,60}:\s*$/u;

function speakerOf(text: string, passage: Span, quote: Span, names: FoundName[]): FoundName | null {
  const inPassage = names.filter((n) => contains(passage, n) && !overlaps(n, quote) && n.type !== "PLACE" && n.type !== "DEMONYM");
  const after = text.slice(quote.end, passage.end);
  if (SPEAKER_AFTER.test(after)) {
    const next = inPassage.find((n) => n.start >= quote.end);
    if (next && next.start - quote.end < 60) return next;
  }
  const before = inPassage.filter((n) => n.end <= quote.start);
  const last = before[before.length - 1];
  if (last && SAYS_BEFORE.test(text.slice(last.end, quote.start))) return last;
  if (last && SAYS_CLAUSE_BEFORE.test(text.slice(last.end, quote.start)) && /^\s*\p{Ll}/u.test(text.slice(quote.start + 1, quote.end))) return last;
  // The names between the speaker and a colon are where it was said ("on … Truth Social:").
  for (let i = before.length - 1; i >= Math.max(0, before.length - 3); i--) {
    if (before[i].level === "person" && SAYS_THEN_COLON.test(text.slice(before[i].end, quote.start))) return before[i];
  }
  return null;
}

/**
 * The sentence after a passage when no happening's passage holds it, with the sentences that
 * close a quote it opens: wire copy quotes a party right after reporting the happening. (Before
 * an announced one a party's words are as often about the wider story, so there only a
 * spokesperson's.)
 */
function followingSentence(ctx: ArticleContext, passage: Span, passages: Span[]): Span | null {
  let i = ctx.sentences.findIndex((s) => s.start >= passage.end);
  if (i < 0 || passages.some((p) => overlaps(p, ctx.sentences[i]))) return null;
  const span = { ...ctx.sentences[i] };
  for (let more = 0; more < 3 && opensQuote(ctx.text, span) && i + 1 < ctx.sentences.length; more++) span.end = ctx.sentences[++i].end;
  return span;
}

// These rules are functions of the module, not closures made for each passage: tsx (which runs the benchmark
// and its worker threads) names every closure when it is made, which cost more than the rules.

const opensQuote = (text: string, span: Span) => (text.slice(span.start, span.end).match(/["“”]/g)?.length ?? 0) % 2 === 1;

/** "NAIROBI (AP) — … met … in Nairobi": the words that place the happening, not the dateline. */
const placedBefore = (text: string, n: Span) => (/\b(?:in|at|to|visit\p{L}*)\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, n.start - 12), n.start)) ? 0 : 1);

function placeClaim(text: string, mention: MentionWithDates, passage: Span, names: FoundName[]): ClaimDraft | null {
  if (!mention.place) return null;
  const at = names.filter((n) => contains(passage, n) && n.key === mention.place!.key).sort((a, b) => placedBefore(text, a) - placedBefore(text, b))[0];
  if (!at) return null;
  const value: ClaimValue = at.entityId ? { type: "entities", ids: [at.entityId] } : { type: "text", text: at.name };
  return draft(mention, "place", value, passage, at);
}

/** "arrived in Santiago": a bare name after "in" or "near" is where the happening was, whatever else the name may be. */
const located = (text: string, n: FoundName) => n.introStart === n.start && /\b(?:in|near)\s+$/i.test(text.slice(Math.max(0, n.start - 6), n.start));

function participantsClaim(text: string, mention: MentionWithDates, passage: Span, names: FoundName[]): ClaimDraft | null {
  const here = names.filter((n) => contains(passage, n) && mention.participants.some((p) => p.key === n.key) && !located(text, n));
  if (new Set(here.map((n) => n.key)).size < 2) return null;
  const value = partiesValue(here.map((n) => partyOf(mention, n)));
  if (value.type === "entities" && value.ids.length < 2) return null;
  return draft(mention, "participants", value, passage, { start: here[0].start, end: here[here.length - 1].end });
}

/** The article's own happenings dated to the day, which "the day after the Lusaka talks" may be counted from. */
function datedHappenings(ctx: ArticleContext, mentions: MentionWithDates[]): DatedHappening[] {
  return mentions
    .filter((m) => m.date.date && m.date.precision && ["day", "hour", "minute"].includes(m.date.precision))
    .map((m) => ({ kind: m.kind, date: m.date.date!, names: m.participants, place: m.place, label: `“${ctx.text.slice(m.trigger.start, m.trigger.end)}”` }));
}

/**
 * "the day after the Lusaka talks" when the article dates those talks itself, even a sentence
 * later ("The talks in Lusaka had taken place on March 17."): counted from that day, as the
 * happening's proposal is; a date the article does not give stays unclaimed.
 */
function countedDate(mention: MentionWithDates, d: MentionDate, happenings: () => DatedHappening[]): MentionDate {
  if (d.date || !d.relativeTo?.happening) return d;
  return resolveAgainstHappenings({ ...mention, date: d }, happenings()).date;
}

/**
 * Who a figure is attributed to in its sentence: "…, the Norwegian ministry said.", "According
 * to state media, …", "Ghanaian state media said it lasted …". Two sources in one article may
 * give two figures, and each is its own claim; a pronoun ("he said") names nobody.
 */
const SOURCE_AFTER = /,\s*(?:according\s+to\s+([^,;"“”]{2,60}?)|([^,;"“”]{2,60}?)\s+(?:said|says|reported|reports|announced|told\s+\p{L}+))\s*[.!]?\s*$/u;
const SOURCE_BEFORE = /^\s*(?:according\s+to\s+([^,;"“”]{2,60}?),|([^,;"“”]{2,60}?)\s+(?:said|says|reported|reports|announced)\b)/iu;
const PRONOUN = /^(?:he|she|they|it|we|i|you|officials?)$/i;

function sourceOf(ctx: ArticleContext, evidence: Span): NameRef | undefined {
  const sentence = ctx.sentences.find((s) => contains(s, evidence));
  if (!sentence) return undefined;
  const after = ctx.text.slice(evidence.end, sentence.end);
  const before = ctx.text.slice(sentence.start, evidence.start);
  const trailing = after.match(SOURCE_AFTER);
  const m = trailing ?? before.match(SOURCE_BEFORE);
  const said = (m?.[1] ?? m?.[2])?.trim().replace(/^(?:and\s+)?the\s+/i, "");
  if (!m || !said || PRONOUN.test(said) || said.split(/\s+/).length > 6 || !/\p{Lu}|media|ministry|office/u.test(said)) return undefined;
  const at = ctx.text.indexOf(said, (trailing ? evidence.end : sentence.start) + (m.index ?? 0));
  const name = ctx.names.find((n) => n.start === at && n.end === at + said.length);
  return { name: said, entityId: name?.entityId ?? null };
}

/** "…, the Kremlin said. State media said it lasted more than two hours.": the sentence after names the same happening's figure. */
const REFERS_BACK_DURATION = /\b(?:it|the\s+(?:call|conversation|talks|meeting|visit|session|exchange))\s+(?:had\s+)?(?:lasted|went\s+on|ran)\s*(?:for\s+)?$/iu;

function attributed(ctx: ArticleContext, claim: ClaimDraft): ClaimDraft {
  const source = sourceOf(ctx, claim.evidence);
  return source ? { ...claim, speaker: source } : claim;
}

/** Claim drafts for each mention, from the sentences that state it. */
export function extractClaims(ctx: ArticleContext, mentions: MentionWithDates[]): ClaimDraft[] {
  const claims: ClaimDraft[] = [];
  const allPassages = mentions.flatMap((m) => m.passages);
  for (const mention of mentions) {
    // The other happenings a stated date may be counted from: read only for such a date (most have their own day).
    let others: DatedHappening[] | undefined;
    const parties = new Set(mention.participants.filter((p) => p.level === "person").map((p) => p.key));
    let participantsClaimed = false;
    const initiators = new Set<string>();
    for (const passage of mention.passages) {
      const names = spansWithin(ctx.names, passage);
      const dateSpans = spansWithin(ctx.dates, passage).map((d) => ({ start: d.start, end: d.end }));
      for (const stated of mention.statedDates) {
        const d = countedDate(mention, stated, () => {
          others ??= datedHappenings(
            ctx,
            mentions.filter((m) => m !== mention),
          );
          return others;
        });
        const value = dateValue(d);
        if (value && d.span && contains(passage, d.span)) claims.push(draft(mention, "date", value, passage, d.span));
      }
      const durations = durationsIn(ctx.text.slice(passage.start, passage.end))
        .map((d) => ({ ...d, start: passage.start + d.start, end: passage.start + d.end }))
        .filter((d) => !dateSpans.some((s) => overlaps(s, d)));
      for (const d of durations) claims.push(attributed(ctx, draft(mention, "duration", d.value, passage, d)));
      claims.push(...countClaims(ctx, mention, passage, [...dateSpans, ...durations]).map((c) => attributed(ctx, c)));
      const place = placeClaim(ctx.text, mention, passage, names);
      if (place) claims.push(place);
      if (!participantsClaimed) {
        const participants = participantsClaim(ctx.text, mention, passage, names);
        if (participants) claims.push(participants);
        participantsClaimed = participants !== null;
      }
      // "X phoned Y" and "at the initiative of the Canadian side" are two statements to check.
      const initiator = initiatorClaim(ctx, mention, passage, ctx.names);
      if (initiator && !initiators.has(JSON.stringify(initiator.value))) {
        claims.push(initiator);
        initiators.add(JSON.stringify(initiator.value));
      }
      claims.push(...statementClaims(ctx, mention, passage, names));
      const next = followingSentence(ctx, passage, allPassages);
      if (next && !mention.planned) {
        for (const d of durationsIn(ctx.text.slice(next.start, next.end))) {
          const evidence = { start: next.start + d.start, end: next.start + d.end };
          if (REFERS_BACK_DURATION.test(ctx.text.slice(next.start, evidence.start)))
            claims.push(attributed(ctx, draft(mention, "duration", d.value, next, evidence)));
        }
      }
      // Before an announced happening only a spokesperson's words are about it ("the dialogue is being prepared").
      if (next && (parties.size > 0 || mention.planned)) {
        const speakers = mention.planned ? new Set<string>() : parties;
        claims.push(...statementClaims(ctx, mention, next, spansWithin(ctx.names, next), speakers));
      }
    }
  }
  return nearestMentionOnly(claims, mentions);
}

/** A sentence naming two happenings states each value once: for the happening whose words are nearest. */
function nearestMentionOnly(claims: ClaimDraft[], mentions: MentionWithDates[]): ClaimDraft[] {
  const triggers = new Map(mentions.map((m) => [m.key, m.trigger]));
  const distance = (c: ClaimDraft) => {
    const t = triggers.get(c.mentionKey)!;
    return contains(c.passage, t) ? Math.min(Math.abs(c.evidence.start - t.end), Math.abs(t.start - c.evidence.end)) : Number.MAX_SAFE_INTEGER;
  };
  const best = new Map<string, ClaimDraft>();
  for (const c of claims) {
    const at = `${c.attribute}#${c.evidence.start}:${c.evidence.end}`;
    const kept = best.get(at);
    if (!kept || distance(c) < distance(kept)) best.set(at, c);
  }
  return [...best.values()];
}
