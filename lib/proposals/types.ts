/**
 * What the proposal engine reads and proposes. Pure data: JSON-serializable, so an article's
 * extraction can be stored and regrouped later without reading its text again, and the
 * proposals map one to one onto the API (`GET /api/event-proposals`, claim proposals,
 * suggested contradictions).
 */
import type { TextPositionSelector, TextQuoteSelector } from "@/lib/annotations/anchor";
import type { ClaimValue } from "@/lib/contradictions/claim-values";
import type { DatePrecision, EventDate, PartOfDay } from "@/lib/events/event-dates";
import type { RelativeTo } from "@/lib/events/relative-dates";
import type { EventTypeName } from "@/lib/events/vocabulary";
import type { HappeningKind } from "./vocabulary";

// ---------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------

/** An article's current revision: the text annotations anchor to. */
export interface ProposalArticle {
  id: string;
  text: string;
  /** YYYY-MM-DD, or null when the article has no date. */
  publishedAt: string | null;
  outlet: string | null;
}

export type { RegistryEntity } from "@/lib/entities/types";

/** A canonical event that already exists: proposals link to it instead of duplicating it. */
export interface KnownEvent {
  id: string;
  type: EventTypeName;
  title: string;
  date: EventDate | null;
  participantIds: string[];
  placeId: string | null;
}

/** An accepted claim on a known event, compared with the proposed ones. */
export interface KnownClaim {
  id: string;
  eventId: string;
  attribute: string;
  value: ClaimValue;
  articleId: string;
  outlet: string | null;
  quote: string;
}

// ---------------------------------------------------------------------------
// Per-article extraction
// ---------------------------------------------------------------------------

export interface Span {
  start: number;
  end: number;
}

/** A participant or place: linked to a registry entity when the matcher knows it, by name otherwise. */
export interface NameRef {
  name: string;
  entityId: string | null;
}

/** A name with the key that identifies it across articles ("entity:<id>", "person:lavrov", "place:istanbul"). */
export interface KeyedName extends NameRef {
  key: string;
  /** "person" participants are compared with persons, "group" ones (countries, organizations, delegations) with groups. */
  level: "person" | "group";
  /** For a person: the country the text says they speak for ("Canadian Prime Minister …", "… of Canada"), normalized. */
  affiliation?: string;
  /** For a place: the country the text puts it in ("Riyadh, Saudi Arabia"), normalized. */
  within?: string;
}

/** Where a mention's date comes from: its own words, the report of it ("said on Saturday"), or the sentences around it. */
export type DateSource = "stated" | "reported" | "context";

export interface ProposedDate {
  /** First day of the period (YYYY-MM-DD), or null when unresolved. */
  date: string | null;
  /** In event-date form, cut to the precision ("2025-05", "2025-05-19T10:00"), ready to accept. */
  localDate: string | null;
  precision: DatePrecision | null;
  timeZone: string | null;
  partOfDay: PartOfDay | null;
  /** The words as written, or null when the text gives no date for it. */
  text: string | null;
  /** How the date was resolved, or why it could not be. */
  note: string | null;
  /** The first and last day (YYYY-MM-DD) the words cover when narrower than the precision's period ("next week"). */
  days?: { from: string; to: string };
}

export interface MentionDate extends ProposedDate {
  span: Span | null;
  source: DateSource | null;
  relativeTo?: RelativeTo;
}

/** One article's account of one happening. */
export interface EventMention {
  /** `<articleId>#<offset of its first trigger>` (".1", ".2" for the second and third of "separate calls to X, Y and Z"): stable while the text is unchanged. */
  key: string;
  articleId: string;
  outlet: string | null;
  publishedAt: string | null;
  kind: HappeningKind;
  /** Announced or expected at the time of writing ("will speak on Tuesday"). */
  planned: boolean;
  participants: KeyedName[];
  place: KeyedName | null;
  date: MentionDate;
  /** The sentences that state it, in text order. */
  passages: Span[];
  /** Words that name the happening ("telephone conversation", "met"). */
  trigger: Span;
}

/** A claim an article makes about one of its mentions, before the mention is grouped. */
export interface ClaimDraft {
  key: string;
  mentionKey: string;
  articleId: string;
  outlet: string | null;
  attribute: string;
  value: ClaimValue;
  passage: Span;
  /** The value's own words inside the passage. */
  evidence: Span;
  /** For quoted statements: who said it. */
  speaker?: NameRef;
}

export interface ArticleExtraction {
  articleId: string;
  outlet: string | null;
  publishedAt: string | null;
  mentions: EventMention[];
  claims: ClaimDraft[];
  /** Passage targets by passage span ("start:end"), built from the text so grouping needs no text. */
  targets: Record<string, PassageTarget>;
}

// ---------------------------------------------------------------------------
// Proposals (the API shape)
// ---------------------------------------------------------------------------

/** A W3C annotation target without its source IRI, which the API adds from the article id. */
export interface PassageTarget {
  articleId: string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

export interface ProposalMention {
  mentionKey: string;
  articleId: string;
  outlet: string | null;
  annotation: PassageTarget;
  quote: string;
  planned: boolean;
  date: ProposedDate;
}

export interface EventProposal {
  /** Fingerprint: the same happening proposed again gets the same key, so a dismissal is remembered. */
  key: string;
  kind: HappeningKind;
  /** The event type accepting creates. */
  eventType: EventTypeName;
  title: string;
  date: string | null;
  localDate: string | null;
  precision: DatePrecision | null;
  timeZone: string | null;
  /** Why there is no date, or how the sources' dates were combined. */
  dateNote: string | null;
  participants: NameRef[];
  place: NameRef | null;
  /** The existing canonical event these mentions belong to, instead of a new one. */
  eventId: string | null;
  mentions: ProposalMention[];
}

export interface ClaimProposal {
  key: string;
  /** The proposal the claim is about; with `eventId` set it is about that existing event. */
  proposalKey: string;
  eventId: string | null;
  articleId: string;
  outlet: string | null;
  attribute: string;
  value: ClaimValue;
  /** The value in words ("about 1.5 h", "17 May 2025"). */
  label: string;
  annotation: PassageTarget;
  quote: string;
  speaker?: NameRef;
}

export interface CandidateSide {
  /** A claim proposal's key, or an accepted claim's id. */
  claimKey: string;
  accepted: boolean;
  articleId: string;
  outlet: string | null;
  label: string;
  quote: string;
}

export interface ContradictionCandidate {
  key: string;
  proposalKey: string;
  eventId: string | null;
  attribute: string;
  /** "date: 18 May 2025 vs 19 May 2025". */
  reason: string;
  a: CandidateSide;
  b: CandidateSide;
}

export interface Proposals {
  events: EventProposal[];
  claims: ClaimProposal[];
  contradictions: ContradictionCandidate[];
}
