/**
 * An extraction as stored (ArticleExtraction.data and .passages) and read back. Written out in
 * full, an extraction repeats its article's id, outlet and publication day in every mention and
 * claim, and each passage target its id and offsets: some 40 KB for a 10 KB article, which a
 * regrouping of 500 articles reads, sends to the worker thread and parses. Stored, each is written
 * once, spans are pairs and entity keys are derived from their ids; the claims and targets are a
 * text of their own (`packPassages`), which a regrouping reads only for the articles its groups
 * hold. `unpackExtraction` gives back exactly what was packed, and reads an extraction stored in
 * full, or packed before its claims and targets were kept apart (formats 2 and 3), as it is. Pure.
 */
import type { TextPositionSelector, TextQuoteSelector } from "@/lib/annotations/anchor";
import { spanKey } from "./text";
import type { ArticleExtraction, ClaimDraft, EventMention, KeyedName, MentionDate, PassageTarget, Span } from "./types";

/**
 * Marks the packed shape: an extraction stored before it has none; one of format 2 holds its claims
 * and targets as JSON, one of format 3 as JSON text in `passages`; one of format 4 holds neither.
 */
const FORMAT = 4;

type Pair = [number, number];

/** A keyed name; `key` is absent when it is the entity's own ("entity:<id>"). */
type PackedName = Omit<KeyedName, "key"> & { key?: string };

type PackedMention = Omit<EventMention, "key" | "articleId" | "outlet" | "publishedAt" | "participants" | "place" | "date" | "passages" | "trigger"> & {
  /** Without the article id it starts with. */
  key: string;
  /** Each absent when the article's own. */
  articleId?: string;
  outlet?: string | null;
  publishedAt?: string | null;
  participants: PackedName[];
  place: PackedName | null;
  date: Omit<MentionDate, "span"> & { span: Pair | null };
  passages: Pair[];
  trigger: Pair;
};

type PackedClaim = Omit<ClaimDraft, "key" | "mentionKey" | "articleId" | "outlet" | "passage" | "evidence"> & {
  key: string;
  mentionKey: string;
  articleId?: string;
  outlet?: string | null;
  passage: Pair;
  evidence: Pair;
};

/** A target of the article at the offsets of its key: the quote's exact words, prefix and suffix; any other kept whole. */
type PackedTarget = [string, string, string] | PassageTarget;

interface PackedPassages {
  claims: PackedClaim[];
  targets: Record<string, PackedTarget>;
}

export interface PackedExtraction {
  format: typeof FORMAT;
  articleId: string;
  outlet: string | null;
  publishedAt: string | null;
  mentions: PackedMention[];
}

type PackedBeforeText = Omit<PackedExtraction, "format"> & PackedPassages & { format: 2 };
/** The claims and targets (PackedPassages) as JSON text beside the mentions, parsed when first read. */
type PackedBeforeColumn = Omit<PackedExtraction, "format"> & { format: 3; passages: string };

const pair = (span: Span): Pair => [span.start, span.end];
const span = ([start, end]: Pair): Span => ({ start, end });

/** Keys made of the article id and a local part ("<articleId>#1197") keep the local part. */
const localKey = (key: string, articleId: string) => (key.startsWith(`${articleId}#`) ? key.slice(articleId.length) : key);
const fullKey = (key: string, articleId: string) => (key.startsWith("#") ? `${articleId}${key}` : key);

function packName({ key, ...rest }: KeyedName): PackedName {
  return rest.entityId !== null && key === `entity:${rest.entityId}` ? rest : { key, ...rest };
}

/** The article's own id, outlet and publication day are left out. */
function own<T extends { articleId: string; outlet: string | null }>(item: T, e: ArticleExtraction) {
  return {
    ...(item.articleId === e.articleId ? {} : { articleId: item.articleId }),
    ...(item.outlet === e.outlet ? {} : { outlet: item.outlet }),
  };
}

function packMention(m: EventMention, e: ArticleExtraction): PackedMention {
  const { key, articleId: _a, outlet: _o, publishedAt, participants, place, date, passages, trigger, ...rest } = m;
  return {
    key: localKey(key, e.articleId),
    ...own(m, e),
    ...(publishedAt === e.publishedAt ? {} : { publishedAt }),
    ...rest,
    participants: participants.map(packName),
    place: place && packName(place),
    date: { ...date, span: date.span && pair(date.span) },
    passages: passages.map(pair),
    trigger: pair(trigger),
  };
}

function packClaim(c: ClaimDraft, e: ArticleExtraction): PackedClaim {
  const { key, mentionKey, articleId: _a, outlet: _o, passage, evidence, ...rest } = c;
  return {
    key: localKey(key, e.articleId),
    mentionKey: localKey(mentionKey, e.articleId),
    ...own(c, e),
    ...rest,
    passage: pair(passage),
    evidence: pair(evidence),
  };
}

const fields = (o: object) => Object.keys(o).sort().join();
const SELECTOR_FIELDS = "exact,prefix,suffix,type";
const POSITION_FIELDS = "end,start,type";

function packTarget(key: string, target: PassageTarget, articleId: string): PackedTarget {
  const [quote, position] = target.selector;
  const plain =
    fields(target) === "articleId,selector" &&
    target.articleId === articleId &&
    target.selector.length === 2 &&
    fields(quote) === SELECTOR_FIELDS &&
    quote.type === "TextQuoteSelector" &&
    fields(position) === POSITION_FIELDS &&
    position.type === "TextPositionSelector" &&
    spanKey(position) === key;
  return plain ? [quote.exact, quote.prefix, quote.suffix] : target;
}

function unpackTarget(key: string, target: PackedTarget, articleId: string): PassageTarget {
  if (!Array.isArray(target)) return target;
  const [exact, prefix, suffix] = target;
  const [start, end] = key.split(":").map(Number);
  const quote: TextQuoteSelector = { type: "TextQuoteSelector", exact, prefix, suffix };
  const position: TextPositionSelector = { type: "TextPositionSelector", start, end };
  return { articleId, selector: [quote, position] };
}

/** The mentions, as ArticleExtraction.data holds them. */
export function packExtraction(e: ArticleExtraction): PackedExtraction {
  return { format: FORMAT, articleId: e.articleId, outlet: e.outlet, publishedAt: e.publishedAt, mentions: e.mentions.map((m) => packMention(m, e)) };
}

/** The claims and targets as JSON text, as ArticleExtraction.passages holds them. */
export function packPassages(e: ArticleExtraction): string {
  const passages: PackedPassages = {
    claims: e.claims.map((c) => packClaim(c, e)),
    targets: Object.fromEntries(Object.entries(e.targets).map(([key, t]) => [key, packTarget(key, t, e.articleId)])),
  };
  return JSON.stringify(passages);
}

/** What ArticleExtraction.data holds: packed, or in full when stored before packing. */
export type StoredExtraction = PackedExtraction | PackedBeforeColumn | PackedBeforeText | ArticleExtraction;

/** The article's own id and outlet where an item leaves them out. */
function ownOf({ articleId, outlet }: { articleId: string; outlet: string | null }) {
  return (item: { articleId?: string; outlet?: string | null }) => {
    item.articleId ??= articleId;
    if (item.outlet === undefined) item.outlet = outlet;
  };
}

/** Claims and targets as packed, completed in place. */
function unpackPassages(passages: PackedPassages, e: { articleId: string; outlet: string | null }): Pick<ArticleExtraction, "claims" | "targets"> {
  const own = ownOf(e);
  for (const c of passages.claims) {
    c.key = fullKey(c.key, e.articleId);
    c.mentionKey = fullKey(c.mentionKey, e.articleId);
    own(c);
    const claim = c as unknown as ClaimDraft;
    claim.passage = span(c.passage);
    claim.evidence = span(c.evidence);
  }
  const targets = passages.targets as unknown as ArticleExtraction["targets"];
  for (const key in passages.targets) targets[key] = unpackTarget(key, passages.targets[key], e.articleId);
  return { claims: passages.claims as unknown as ClaimDraft[], targets };
}

/** The claims and targets of an unpacked extraction: their text until first read (null until given), then parsed. */
const passagesOf = new WeakMap<ArticleExtraction, { text: string | null; read: Pick<ArticleExtraction, "claims" | "targets"> | null }>();

/** Whether the extraction's claims and targets are still to be given (`givePassages`). */
export function lacksPassages(extraction: ArticleExtraction): boolean {
  return passagesOf.get(extraction)?.text === null;
}

/** Gives an extraction unpacked without them its claims and targets (ArticleExtraction.passages). */
export function givePassages(extraction: ArticleExtraction, text: string): void {
  const slot = passagesOf.get(extraction);
  if (slot && slot.read === null) slot.text = text;
}

/**
 * A stored extraction, packed or stored in full before packing. A packed one is completed in place:
 * it was just parsed, and building copies of 500 of them cost as much again as parsing them. Its
 * claims and targets are parsed and completed when first read: from `passages` (the row's column),
 * from the text stored beside the mentions (format 3), or from what `givePassages` gives later.
 */
export function unpackExtraction(stored: StoredExtraction, passages: string | null = null): ArticleExtraction {
  if (!("format" in stored)) return stored;
  const { articleId, outlet, publishedAt } = stored;
  const own = ownOf(stored);
  const name = (n: PackedName) => {
    n.key ??= `entity:${n.entityId}`;
  };
  for (const m of stored.mentions) {
    m.key = fullKey(m.key, articleId);
    own(m);
    if (m.publishedAt === undefined) m.publishedAt = publishedAt;
    m.participants.forEach(name);
    if (m.place) name(m.place);
    const mention = m as unknown as EventMention;
    if (m.date.span) mention.date.span = span(m.date.span);
    mention.passages = m.passages.map(span);
    mention.trigger = span(m.trigger);
  }
  const extraction = stored as unknown as ArticleExtraction & { format?: number; passages?: string };
  if (stored.format === 2) {
    unpackPassages(stored, stored);
    delete extraction.format;
    return extraction;
  }
  const slot = { text: stored.format === 3 ? stored.passages : passages, read: null as Pick<ArticleExtraction, "claims" | "targets"> | null };
  delete extraction.format;
  delete extraction.passages;
  const read = () => {
    if (slot.text === null) throw new Error(`The claims and targets of article ${articleId} were not read.`);
    slot.read ??= unpackPassages(JSON.parse(slot.text) as PackedPassages, { articleId, outlet });
    return slot.read;
  };
  passagesOf.set(extraction, slot);
  return Object.defineProperties(extraction, {
    claims: { get: () => read().claims, enumerable: true },
    targets: { get: () => read().targets, enumerable: true },
  });
}
