/**
 * One proposal per happening across articles and outlets: mentions of a compatible kind, with
 * overlapping participants and places and compatible dates, are grouped (a planned call and its
 * later report are one happening; two reports a day apart on the same two people are one
 * happening whose date the sources dispute). Existing canonical events take part as groups of
 * their own, so their mentions link to them instead of proposing duplicates. Pure.
 */
import { normalizeName } from "@/lib/entities/match";
import { formatEventDate } from "@/lib/events/event-dates";
import { sameGivenNameAlike, sameName, samePlace } from "./names";
import { resolveAgainstHappenings, type DatedHappening } from "./resolve-dates";
import { spanKey } from "./text";
import type { ArticleExtraction, EventMention, EventProposal, KeyedName, KnownEvent, MentionDate, NameRef, ProposalMention } from "./types";
import { EVENT_TYPE_OF_KIND, HAPPENING_KINDS, HAPPENING_LABELS, kindsCompatible, type HappeningKind } from "./vocabulary";

/** Two sources a day or two apart about the same people are reporting one happening, with a disputed date. */
const MAX_DISPUTED_DAYS = 2;
/** How far from an undated article a dated report of the same people may be: announced (ahead) or reported (back). */
const PLANNED_WINDOW_DAYS = 45;
const REPORTED_WINDOW_DAYS = 60;
/** Two undated reports of the same people this many days apart by publication are not one happening. */
const UNDATED_APART_DAYS = 14;
/** A date only given as the report's ("the ministry said on Saturday"): the happening is that day or up to a week earlier. */
const REPORTED_SPAN_DAYS = 7;

/** Days since 1970-01-01, both ends included. */
export interface Period {
  from: number;
  to: number;
}

interface Member {
  mention: EventMention | null;
  known: KnownEvent | null;
  kinds: readonly HappeningKind[];
  participants: KeyedName[];
  /** The participants by level, as every comparison of the member reads them. */
  persons: KeyedName[];
  parties: KeyedName[];
  /** Its persons' keys, once each, when it names registry persons alone (connectedAround finds its partners by them); else null. */
  registryKeys: string[] | null;
  place: KeyedName | null;
  period: Period | null;
  publishedAt: number | null;
}

function byLevel(participants: KeyedName[]) {
  const persons = participants.filter((n) => n.level === "person");
  const registryOnly = persons.length > 0 && persons.every((n) => n.entityId);
  return {
    persons,
    parties: participants.filter((n) => n.level === "group"),
    registryKeys: registryOnly ? [...new Set(persons.map((n) => n.key))] : null,
  };
}

export interface Group {
  members: Member[];
}

const MS_PER_DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY;

function periodOf(localDate: string | null, precision: string | null): Period | null {
  if (!localDate || !precision) return null;
  if (precision === "year") return { from: dayOf(`${localDate}-01-01`), to: dayOf(`${localDate}-12-31`) };
  if (precision === "month") {
    const first = dayOf(`${localDate}-01`);
    const next = new Date(first * MS_PER_DAY);
    next.setUTCMonth(next.getUTCMonth() + 1);
    return { from: first, to: next.getTime() / MS_PER_DAY - 1 };
  }
  const day = dayOf(localDate);
  return { from: day, to: day };
}

/** The days a mention's happening may lie on (a date only given as the report's reaches a week back), or null when undated. */
const DAY_MS = 86_400_000;
const dayNumberOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;

/**
 * The days an extraction's mentions and publication span, as day numbers (none when a mention has
 * no date and the article none either: it may be one happening with any other), and its
 * publication day when a mention is undated: what its stored blocking keys say.
 */
export function extractionDays(extraction: ArticleExtraction): { span: Period | null; undatedOn: number | null } {
  const published = extraction.publishedAt ? dayNumberOf(extraction.publishedAt) : null;
  const periods = extraction.mentions.map((m) => mentionPeriod(m.date));
  const timeless = published === null && periods.some((p) => !p);
  const days = timeless ? [] : [...(published === null ? [] : [published]), ...periods.flatMap((p) => (p ? [p.from, p.to] : []))];
  return {
    span: days.length ? { from: Math.min(...days), to: Math.max(...days) } : null,
    undatedOn: published !== null && periods.some((p) => !p) ? published : null,
  };
}

export function mentionPeriod(date: MentionDate): Period | null {
  const period = date.days && date.localDate ? { from: dayOf(date.days.from), to: dayOf(date.days.to) } : periodOf(date.localDate, date.precision);
  if (!period || date.source !== "reported") return period;
  return { from: period.from - REPORTED_SPAN_DAYS, to: period.to };
}

const gapDays = (a: Period, b: Period) => Math.max(0, a.from - b.to, b.from - a.to);

const KINDS_OF_TYPE: Record<KnownEvent["type"], readonly HappeningKind[]> = {
  PHONE_CALL: ["phone_call"],
  MEETING: ["meeting", "visit", "talks"],
  TALKS: ["talks", "meeting"],
  STATEMENT: ["statement"],
  AGREEMENT: ["agreement"],
  PROPOSAL: [],
  MILITARY_ACTION: [],
  OTHER: HAPPENING_KINDS,
};

/**
 * Each mention's member, made once: the worker thread keeps a block's extractions from one grouping
 * to the next (lib/workers/tasks.ts), and making again the members of a block's 11,000 mentions
 * (their periods parsed from dates, their participants split by level, their persons' keys) was
 * half of grouping a block it held. A mention is not changed once read, nor a member once made; a
 * mention given another date or affiliation for one grouping is a new object, with a member of its own.
 */
const memberOfMention = new WeakMap<EventMention, Member>();

function mentionMember(mention: EventMention): Member {
  let member = memberOfMention.get(mention);
  if (!member) {
    member = {
      mention,
      known: null,
      kinds: [mention.kind],
      participants: mention.participants,
      ...byLevel(mention.participants),
      place: mention.place,
      period: mentionPeriod(mention.date),
      publishedAt: mention.publishedAt ? dayOf(mention.publishedAt) : null,
    };
    memberOfMention.set(mention, member);
  }
  return member;
}

/** An existing event as a group member; `names` keys its participants and place like the extracted ones. */
function knownMember(event: KnownEvent, names: ReadonlyMap<string, KeyedName>): Member {
  const ref = (id: string): KeyedName => names.get(id) ?? { name: id, entityId: id, key: `entity:${id}`, level: "person" };
  const participants = event.participantIds.map(ref);
  return {
    mention: null,
    known: event,
    kinds: KINDS_OF_TYPE[event.type],
    participants,
    ...byLevel(participants),
    place: event.placeId ? ref(event.placeId) : null,
    period: event.date ? periodOf(event.date.localDate, event.date.precision) : null,
    publishedAt: null,
  };
}

function match(shared: number, na: number, nb: number) {
  return { shared, comparable: true, fits: shared >= Math.min(na, nb, 2), all: shared > 0 && shared >= Math.min(na, nb) };
}

/** Two pairs of persons sharing one, the others spelled alike under one given name ("Grace Wanjiru", "Grace Wanjiku"). */
function pairsAlike(a: KeyedName[], b: KeyedName[]): boolean {
  if (a.length !== 2 || b.length !== 2) return false;
  const restA = a.filter((n) => !b.some((m) => sameName(n, m)));
  const restB = b.filter((m) => !a.some((n) => sameName(n, m)));
  return restA.length === 1 && restB.length === 1 && sameGivenNameAlike(restA[0], restB[0]);
}

/** How many of `a` have a namesake in `b`. */
function sharedNames(a: KeyedName[], b: KeyedName[]): number {
  let shared = 0;
  for (const n of a) {
    for (const m of b) {
      if (sameName(n, m)) {
        shared++;
        break;
      }
    }
  }
  return shared;
}

/**
 * Participants compared at the level both have: persons with persons, else countries and
 * organizations; persons whose country the text gave stand for it against a list of countries
 * ("Canadian Prime Minister Claire Dubois" and "Canada").
 */
function participantMatch(ma: Member, mb: Member): { shared: number; comparable: boolean; fits: boolean; all: boolean } {
  // Plain loops: a block compares tens of thousands of pairs.
  if (ma.persons.length > 0 && mb.persons.length > 0) {
    const shared = sharedNames(ma.persons, mb.persons);
    return match(shared === 1 && pairsAlike(ma.persons, mb.persons) ? 2 : shared, ma.persons.length, mb.persons.length);
  }
  if (ma.parties.length > 0 && mb.parties.length > 0) return match(sharedNames(ma.parties, mb.parties), ma.parties.length, mb.parties.length);
  const [a, b] = [ma.participants, mb.participants];
  const countriesOf = (list: KeyedName[]) => {
    const persons = list.filter((n) => n.level === "person");
    if (persons.length > 0) return persons.every((n) => n.affiliation) ? [...new Set(persons.map((n) => n.affiliation!))] : null;
    return list.map((n) => normalizeName(n.name));
  };
  const [ca, cb] = [countriesOf(a), countriesOf(b)];
  if (!ca || !cb || ca.length === 0 || cb.length === 0) return { shared: 0, comparable: false, fits: true, all: false };
  return match(ca.filter((c) => cb.includes(c)).length, ca.length, cb.length);
}

/**
 * Whether two members can be one happening: null when they cannot (another kind, the same
 * article, different places or participants, dates too far apart), "unsupported" when nothing
 * says they are (participants not comparable and dates a day apart), else how strongly they say so.
 */
function affinity(a: Member, b: Member): number | "unsupported" | null {
  if (!a.kinds.some((k) => b.kinds.some((l) => kindsCompatible(k, l)))) return null;
  if (a.mention && b.mention && a.mention.articleId === b.mention.articleId) return null;
  if (a.known && b.known) return null;
  // Dates rule a pair out before names are compared: most pairs of a block lie months apart.
  const gap = a.period && b.period ? gapDays(a.period, b.period) : null;
  if (gap !== null && gap > MAX_DISPUTED_DAYS) return null;
  if (gap === null && (a.period || b.period) && !inWindow(a.period ? b : a, (a.period ?? b.period)!)) return null;
  if (!a.period && !b.period && a.publishedAt !== null && b.publishedAt !== null && Math.abs(a.publishedAt - b.publishedAt) > UNDATED_APART_DAYS) return null;
  const participants = participantMatch(a, b);
  if (!participants.fits) return null;
  const placed = Boolean(a.place && b.place && samePlace(a.place, b.place));
  if (a.place && b.place && !placed) return null;
  const strong = (participants.comparable && participants.shared > 0) || (!participants.comparable && placed);
  let sameDate = false;
  if (gap !== null) {
    if (gap > 0 && (!strong || !participants.all)) return "unsupported";
    sameDate = gap === 0;
  } else if (!strong) return "unsupported";
  const sameKind = a.kinds.some((k) => b.kinds.includes(k));
  return participants.shared * 2 + (placed ? 2 : 0) + (sameDate ? 3 : 0) + (sameKind ? 1 : 0);
}

/** An undated report can only be of a dated happening near its own publication date. */
function inWindow(undated: Member, dated: Period): boolean {
  if (undated.publishedAt === null) return true;
  const planned = undated.mention?.planned ?? false;
  return planned
    ? dated.to >= undated.publishedAt - 1 && dated.from <= undated.publishedAt + PLANNED_WINDOW_DAYS
    : dated.from <= undated.publishedAt + 1 && dated.to >= undated.publishedAt - REPORTED_WINDOW_DAYS;
}

/** A person's country as any article gives it ("Finnish President Aino Virtanen"), for the articles that do not. */
function withKnownAffiliations(mentions: EventMention[]): EventMention[] {
  const affiliations = new Map<string, string>();
  for (const m of mentions) for (const p of m.participants) if (p.affiliation) affiliations.set(p.key, p.affiliation);
  if (affiliations.size === 0) return mentions;
  return mentions.map((m) =>
    m.participants.some((p) => !p.affiliation && affiliations.has(p.key))
      ? { ...m, participants: m.participants.map((p) => (p.affiliation || !affiliations.has(p.key) ? p : { ...p, affiliation: affiliations.get(p.key)! })) }
      : m,
  );
}

function orderForGrouping(mentions: EventMention[]): EventMention[] {
  const rank = (m: EventMention) =>
    m.date.source === "stated" && m.date.date ? (m.date.precision === "month" || m.date.precision === "year" ? 1 : 0) : m.date.date ? 2 : 3;
  return [...mentions].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.date.date ?? "").localeCompare(b.date.date ?? "") ||
      (a.publishedAt ?? "").localeCompare(b.publishedAt ?? "") ||
      a.key.localeCompare(b.key),
  );
}

/**
 * A mention joins the best-scoring group that no member rules out and at least half of the
 * members support (so one report naming only countries does not keep out a report naming the
 * same countries' leaders).
 */
function groupMentions(mentions: EventMention[], known: KnownEvent[], knownNames: ReadonlyMap<string, KeyedName>): Group[] {
  const groups: Group[] = [];
  // Each group's dated members at a glance, by the group's position (infinite while it has none):
  // one more than two days from a dated mention rules the group out for it, so most groups of a
  // block are passed over without looking at their members.
  const minTo: number[] = [];
  const maxFrom: number[] = [];
  const join = (at: number, member: Member) => {
    groups[at].members.push(member);
    if (!member.period) return;
    minTo[at] = Math.min(minTo[at], member.period.to);
    maxFrom[at] = Math.max(maxFrom[at], member.period.from);
  };
  const open = (member: Member) => {
    groups.push({ members: [] });
    minTo.push(Infinity);
    maxFrom.push(-Infinity);
    join(groups.length - 1, member);
  };
  for (const event of known) open(knownMember(event, knownNames));
  for (const mention of orderForGrouping(withKnownAffiliations(mentions))) {
    const member = mentionMember(mention);
    const period = member.period;
    let best: { at: number; score: number } | null = null;
    for (let at = 0; at < groups.length; at++) {
      if (period && (period.from - minTo[at] > MAX_DISPUTED_DAYS || maxFrom[at] - period.to > MAX_DISPUTED_DAYS)) continue;
      const group = groups[at];
      let total = 0;
      let supporting = 0;
      let ruledOut = false;
      for (const other of group.members) {
        const score = affinity(member, other);
        if (score === null) {
          ruledOut = true;
          break;
        }
        if (score === "unsupported") continue;
        supporting++;
        total += score;
      }
      if (ruledOut || supporting * 2 < group.members.length) continue;
      const score = total / group.members.length;
      if (!best || score > best.score) best = { at, score };
    }
    if (best) join(best.at, member);
    else open(member);
  }
  return groups.filter((g) => g.members.some((m) => m.mention));
}

/** Mentions dated "the day after <happening>" resolved against a first grouping's dated happenings (as they are, when none is). */
function withHappeningDates(mentions: EventMention[], known: KnownEvent[], knownNames: ReadonlyMap<string, KeyedName>): EventMention[] {
  if (!mentions.some((m) => m.date.relativeTo?.happening && !m.date.date)) return mentions;
  const happenings = groupMentions(mentions, known, knownNames).flatMap((g): DatedHappening[] => {
    const summary = summarize(g);
    if (!summary.date.localDate || summary.date.precision === "month" || summary.date.precision === "year") return [];
    return [{ kind: summary.kind, date: summary.date.localDate.slice(0, 10), names: summary.participants, place: summary.place, label: summary.title }];
  });
  return mentions.map((m) => resolveAgainstHappenings(m, happenings));
}

/** Mentions dated "the day after <happening>" are resolved against the first grouping's dated happenings, then grouped again. */
export function groupWithHappeningDates(extractions: ArticleExtraction[], known: KnownEvent[], knownNames: ReadonlyMap<string, KeyedName>): Group[] {
  return groupMentions(
    withHappeningDates(
      extractions.flatMap((e) => e.mentions),
      known,
      knownNames,
    ),
    known,
    knownNames,
  );
}

/**
 * Where the partners of a set of members may lie: dated partners' periods overlap one of `dated`;
 * undated partners were published on a day of `undated`; `unbounded` when a member has neither a
 * date nor a publication date (anything may be its partner, by date).
 */
export interface Reach {
  dated: Period[];
  undated: Period[];
  unbounded: boolean;
  /**
   * The registry persons partners must name, or null when a partner may name anyone (a member
   * names a person by name only, or none): partners name one of `any` in any mention, or one of
   * `solo` alone, or both persons of a pair of `pairs` ("<key> <key>"), or someone by name only.
   */
  persons: PersonKeys | null;
}

export interface PersonKeys {
  any: string[];
  solo: string[];
  pairs: string[];
}

/**
 * What a regrouping has read so far: the days read (of periods, of undated mentions' publication),
 * whether it read the mentions of no date, and the persons whose articles it read (null: every
 * article of those days).
 */
export interface Coverage {
  dated: Period[];
  undated: Period[];
  unbounded: boolean;
  persons: { any: Set<string>; solo: Set<string>; pairs: Set<string> } | null;
}

/** The periods of `need` that no period of `have` (merged) holds. */
export const uncovered = (need: Period[], have: Period[]) => need.filter((p) => !have.some((h) => h.from <= p.from && h.to >= p.to));

export function personsRead(read: Coverage, reach: Reach): boolean {
  const [had, need] = [read.persons, reach.persons];
  if (had === null) return true;
  if (need === null) return false;
  return need.any.every((k) => had.any.has(k)) && need.solo.every((k) => had.solo.has(k)) && need.pairs.every((k) => had.pairs.has(k));
}

/** Whether a regrouping read every extraction in reach: then its groups are those grouping every stored extraction gives. */
export const covers = (read: Coverage, reach: Reach) =>
  personsRead(read, reach) &&
  uncovered(reach.dated, read.dated).length === 0 &&
  uncovered(reach.undated, read.undated).length === 0 &&
  (!reach.unbounded || read.unbounded);

/** A mention's registry persons, once each, or null when it may be one happening with mentions of anyone. */
function registryPersons(participants: KeyedName[]): string[] | null {
  const persons = participants.filter((n) => n.level === "person");
  if (persons.length === 0 || persons.some((n) => !n.entityId)) return null;
  const keys = [...new Set(persons.map((n) => n.key))].sort();
  // A person named twice counts twice in participantMatch: such a mention is read like a loose one.
  return keys.length === persons.length ? keys : null;
}

const pairsOf = (keys: string[]) => keys.flatMap((a, i) => keys.slice(i + 1).map((b) => `${a} ${b}`));

/**
 * A mention's blocking keys by person (null: it may be one happening with mentions of anyone).
 * Mentions that both name two or more persons must share two of them (participantMatch), so one
 * naming several is found by its pairs, one naming a single person by that person.
 */
export function personKeysOf(participants: KeyedName[]): { solo: string[]; pairs: string[] } | null {
  const keys = registryPersons(participants);
  if (!keys) return null;
  return keys.length === 1 ? { solo: keys, pairs: [] } : { solo: [], pairs: pairsOf(keys) };
}

/** Where the partners of these members lie by person (registry persons are the same only by key, sameName). */
function withPersons(reach: Omit<Reach, "persons">, members: Member[]): Reach {
  const any = new Set<string>();
  const solo = new Set<string>();
  const pairs = new Set<string>();
  for (const m of members) {
    const keys = registryPersons(m.participants);
    if (!keys) return { ...reach, persons: null };
    if (keys.length === 1) any.add(keys[0]);
    else {
      for (const k of keys) solo.add(k);
      for (const p of pairsOf(keys)) pairs.add(p);
    }
  }
  return { ...reach, persons: { any: [...any].sort(), solo: [...solo].sort(), pairs: [...pairs].sort() } };
}

/** Overlapping or adjacent periods as one. */
export function mergePeriods(periods: Period[]): Period[] {
  const merged: Period[] = [];
  for (const p of [...periods].sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to + 1) last.to = Math.max(last.to, p.to);
    else merged.push({ ...p });
  }
  return merged;
}

/** The days a member's possible partners lie on, read from affinity's date rules. */
function reachOf(member: Member, reach: Omit<Reach, "persons">): void {
  const p = member.period;
  if (p) {
    reach.dated.push({ from: p.from - MAX_DISPUTED_DAYS, to: p.to + MAX_DISPUTED_DAYS });
    // An undated report planned ahead (published up to PLANNED_WINDOW_DAYS before) or reported after.
    reach.undated.push({ from: p.from - PLANNED_WINDOW_DAYS, to: p.to + REPORTED_WINDOW_DAYS });
  } else if (member.publishedAt !== null) {
    // Dated partners of either direction; undated ones published within UNDATED_APART_DAYS lie inside it too.
    reach.dated.push({ from: member.publishedAt - REPORTED_WINDOW_DAYS, to: member.publishedAt + PLANNED_WINDOW_DAYS });
  } else reach.unbounded = true;
}

/** Where these mentions' possible partners lie (a refresh's first read, before any grouping). */
export function reachOfMentions(mentions: EventMention[]): Reach {
  const reach: Omit<Reach, "persons"> = { dated: [], undated: [], unbounded: false };
  const members = mentions.map(mentionMember);
  for (const m of members) reachOf(m, reach);
  return withPersons({ dated: mergePeriods(reach.dated), undated: mergePeriods(reach.undated), unbounded: reach.unbounded }, members);
}

/**
 * The members that may end up in one group with the seed articles' mentions, directly or through
 * others: the connected parts of the "may be one happening" relation (affinity not null) around
 * them. A group only ever holds members that pairwise may be one happening and a mention's choice
 * looks only at groups it may join, so grouping these parts alone gives their mentions the groups
 * that grouping the whole block gives them.
 */
function connectedAround(members: Member[], seeds: ReadonlySet<string>): Member[] {
  const dated = members.filter((m) => m.period).sort((a, b) => a.period!.from - b.period!.from);
  const undated = members.filter((m) => !m.period);
  const longest = dated.reduce((most, m) => Math.max(most, m.period!.to - m.period!.from), 0);
  const linked = (a: Member, b: Member) => affinity(a, b) !== null || affinity(b, a) !== null;
  // A member naming registry persons alone is looked up by them: another naming persons must name one of its own.
  const byPerson = new Map<string, Member[]>();
  const loose: Member[] = [];
  for (const m of members) {
    if (!m.registryKeys) loose.push(m);
    else
      for (const key of m.registryKeys) {
        // Appended in place: copying the list of a person named in hundreds of a block's mentions was quadratic.
        const list = byPerson.get(key);
        if (list) list.push(m);
        else byPerson.set(key, [m]);
      }
  }
  const reached = new Set(members.filter((m) => m.mention && seeds.has(m.mention.articleId)));
  const queue = [...reached];
  const visit = (from: Member, to: Member) => {
    if (reached.has(to) || (from.period && to.period && gapDays(from.period, to.period) > MAX_DISPUTED_DAYS) || !linked(from, to)) return;
    reached.add(to);
    queue.push(to);
  };
  while (queue.length > 0) {
    const member = queue.pop()!;
    const p = member.period;
    if (member.registryKeys) {
      for (const key of member.registryKeys) for (const other of byPerson.get(key)!) visit(member, other);
      for (const other of loose) visit(member, other);
      continue;
    }
    if (p) {
      // Dated partners start at most MAX_DISPUTED_DAYS after it ends and end at most that before it starts.
      let lo = 0;
      let hi = dated.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (dated[mid].period!.from < p.from - MAX_DISPUTED_DAYS - longest) lo = mid + 1;
        else hi = mid;
      }
      for (let at = lo; at < dated.length && dated[at].period!.from <= p.to + MAX_DISPUTED_DAYS; at++) visit(member, dated[at]);
    } else for (const other of dated) visit(member, other);
    for (const other of undated) visit(member, other);
  }
  return members.filter((m) => reached.has(m));
}

/**
 * The groups of the seed articles' mentions and of every mention connected to them, and where
 * those members' possible partners lie (`reach`): a caller that read every extraction in reach
 * has grouped them as grouping every stored extraction would, and may store them alone. Given what
 * the caller has read (`read`), a reach beyond it is answered without groups (null): the caller
 * reads further and groups again.
 */
export function groupAround(
  extractions: ArticleExtraction[],
  known: KnownEvent[],
  knownNames: ReadonlyMap<string, KeyedName>,
  seeds: ReadonlySet<string>,
  read?: Coverage,
): { groups: Group[] | null; reach: Reach } {
  const mentions = withHappeningDates(withKnownAffiliations(extractions.flatMap((e) => e.mentions)), known, knownNames);
  const members = [...known.map((k) => knownMember(k, knownNames)), ...mentions.map(mentionMember)];
  const part = new Set(connectedAround(members, seeds));
  const bounds: Omit<Reach, "persons"> = { dated: [], undated: [], unbounded: false };
  // An undated recorded event reaches no further than the mentions it is reached through.
  for (const m of part) if (m.mention || m.period) reachOf(m, bounds);
  const reach = withPersons({ dated: mergePeriods(bounds.dated), undated: mergePeriods(bounds.undated), unbounded: bounds.unbounded }, [...part]);
  if (read && !covers(read, reach)) return { groups: null, reach };
  const groups = groupMentions(
    mentions.filter((_, i) => part.has(members[known.length + i])),
    known.filter((_, i) => part.has(members[i])),
    knownNames,
  );
  return { groups, reach };
}

// ---------------------------------------------------------------------------
// A group as a proposal
// ---------------------------------------------------------------------------

interface Summary {
  kind: HappeningKind;
  participants: KeyedName[];
  place: KeyedName | null;
  date: { localDate: string | null; precision: EventProposal["precision"]; timeZone: string | null; note: string | null };
  title: string;
}

function mostCommon<T>(items: T[], same: (a: T, b: T) => boolean): T[] {
  const counted: { item: T; count: number }[] = [];
  for (const item of items) {
    const entry = counted.find((c) => same(c.item, item));
    if (entry) entry.count++;
    else counted.push({ item, count: 1 });
  }
  return counted.sort((a, b) => b.count - a.count).map((c) => c.item);
}

const PRECISION_RANK = { year: 0, month: 1, day: 2, hour: 3, minute: 4 } as const;

function describeDate(d: MentionDate): string {
  return formatEventDate({ localDate: d.localDate!, precision: d.precision!, timeZone: d.timeZone });
}

/** The date most sources give (the most precise form of it); disagreements and missing dates are said in the note. */
function consensusDate(members: Member[]): Summary["date"] {
  const knownDate = members.find((m) => m.known?.date)?.known?.date;
  if (knownDate) return { localDate: knownDate.localDate, precision: knownDate.precision, timeZone: knownDate.timeZone, note: null };
  const dates = members.flatMap((m) => (m.mention?.date.localDate ? [m.mention.date] : []));
  const stated = dates.filter((d) => d.source === "stated");
  const pool = stated.length > 0 ? stated : dates;
  if (pool.length === 0) {
    const reason = members.map((m) => m.mention?.date.note).find((n) => n && n !== "the text gives no date for it");
    return { localDate: null, precision: null, timeZone: null, note: reason ?? "no source gives a date" };
  }
  const fine = pool.filter((d) => PRECISION_RANK[d.precision!] >= PRECISION_RANK.day);
  const days = mostCommon(fine.length > 0 ? fine : pool, (a, b) => a.localDate!.slice(0, 10) === b.localDate!.slice(0, 10));
  const day = days[0].localDate!.slice(0, 10);
  const onDay = pool
    .filter((d) => d.localDate!.slice(0, 10) === day)
    .sort((a, b) => PRECISION_RANK[b.precision!] - PRECISION_RANK[a.precision!] || Number(Boolean(b.timeZone)) - Number(Boolean(a.timeZone)));
  const chosen = onDay[0];
  const others = days.slice(1).filter((d) => gapDays(periodOf(d.localDate, d.precision)!, periodOf(day, "day")!) > 0);
  const notes = [
    // "next week": no precision names a week, so the period given is the month (or year) holding it, and the note says which days.
    chosen.days ? `between ${chosen.days.from} and ${chosen.days.to}` : null,
    stated.length === 0 ? "the date the sources report it; it may have happened earlier" : null,
    others.length > 0 ? `sources disagree: ${[chosen, ...others].map(describeDate).join(" or ")}` : null,
  ].filter(Boolean);
  return { localDate: chosen.localDate, precision: chosen.precision, timeZone: chosen.timeZone, note: notes.length > 0 ? notes.join("; ") : null };
}

/** A person's surname: the last word, or the first where the last is a hyphenated given name ("Kim Jong-un", "Park Ji-hoon"). */
const shortName = (n: NameRef & { level?: string }) => {
  if (n.level !== "person") return n.name;
  const words = n.name.trim().split(/\s+/);
  const last = words[words.length - 1];
  return words.length > 1 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(last) ? words[0] : last;
};

function summarize(group: Group): Summary {
  const members = group.members;
  const known = members.find((m) => m.known)?.known ?? null;
  const mentions = members.flatMap((m) => (m.mention ? [m.mention] : []));
  const kind = known
    ? (mostCommon(
        mentions.map((m) => m.kind).filter((k) => KINDS_OF_TYPE[known.type].includes(k)),
        (a, b) => a === b,
      )[0] ??
      KINDS_OF_TYPE[known.type][0] ??
      mentions[0].kind)
    : mostCommon(
        mentions.map((m) => m.kind),
        (a, b) => a === b,
      )[0];
  const all = members.flatMap((m) => m.participants);
  const level = all.some((n) => n.level === "person") ? "person" : "group";
  const participants = mostCommon(
    all.filter((n) => n.level === level),
    sameName,
  )
    .map((n) => all.find((m) => sameName(m, n) && m.entityId) ?? n)
    .slice(0, 6);
  const place =
    mostCommon(
      members.flatMap((m) => (m.place ? [m.place] : [])),
      sameName,
    )[0] ?? null;
  const date = consensusDate(members);
  const names = participants
    .slice(0, 3)
    .map(shortName)
    .sort((a, b) => normalizeName(a).localeCompare(normalizeName(b)));
  const label = HAPPENING_LABELS[kind];
  const generated = `${names.length > 0 ? `${names.join("–")} ${label}` : label.charAt(0).toUpperCase() + label.slice(1)}${place ? ` in ${place.name}` : ""}`;
  return { kind, participants, place, date, title: known?.title ?? generated };
}

function proposalMentions(group: Group, targets: ReadonlyMap<string, ArticleExtraction["targets"]>): ProposalMention[] {
  return group.members.flatMap((m) => {
    const mention = m.mention;
    if (!mention) return [];
    const articleTargets = targets.get(mention.articleId) ?? {};
    return mention.passages.map((p) => {
      const annotation = articleTargets[spanKey(p)];
      const { span: _s, source: _src, relativeTo: _r, ...date } = mention.date;
      return {
        mentionKey: mention.key,
        articleId: mention.articleId,
        outlet: mention.outlet,
        annotation,
        quote: annotation.selector[0].exact,
        planned: mention.planned,
        date,
      };
    });
  });
}

export function proposalKeyOf(group: Group): string {
  const known = group.members.find((m) => m.known)?.known;
  if (known) return `event:${known.id}`;
  const keys = group.members.flatMap((m) => (m.mention ? [m.mention.key] : [])).sort();
  return `proposal:${keys[0]}`;
}

/** The API's "date": the first day of the period ("2025-05" → "2025-05-01"). */
function firstDayOf(localDate: string | null, precision: EventProposal["precision"]): string | null {
  if (!localDate) return null;
  if (precision === "year") return `${localDate.slice(0, 4)}-01-01`;
  if (precision === "month") return `${localDate.slice(0, 7)}-01`;
  return localDate.slice(0, 10);
}

export function toProposal(group: Group, targets: ReadonlyMap<string, ArticleExtraction["targets"]>): EventProposal {
  const summary = summarize(group);
  const known = group.members.find((m) => m.known)?.known ?? null;
  return {
    key: proposalKeyOf(group),
    kind: summary.kind,
    eventType: known?.type ?? EVENT_TYPE_OF_KIND[summary.kind],
    title: summary.title,
    date: firstDayOf(summary.date.localDate, summary.date.precision),
    localDate: summary.date.localDate,
    precision: summary.date.precision,
    timeZone: summary.date.timeZone,
    dateNote: summary.date.note,
    participants: summary.participants.map(({ name, entityId }) => ({ name, entityId })),
    place: summary.place ? { name: summary.place.name, entityId: summary.place.entityId } : null,
    eventId: known?.id ?? null,
    mentions: proposalMentions(group, targets),
  };
}
