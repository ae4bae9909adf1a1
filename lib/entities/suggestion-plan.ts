/**
 * Which mention suggestions an article's text should have, and how to get there from the
 * stored ones without losing an editor's decisions. Pure functions, no database.
 */
import { type Matcher, type Mention, normalizeName } from "./match";
import { type KnownNames, suggestNewEntities, type SuggestedEntityType } from "./new-entity-suggestions";

export type PlannedSuggestion = {
  /** A known entity, or null for a proposed new one. */
  entityId: string | null;
  proposedName: string | null;
  proposedType: SuggestedEntityType | null;
  exact: string;
  start: number;
  end: number;
  /** The words match an alias that several entities share. */
  ambiguous: boolean;
};

export type StoredSuggestion = {
  id: string;
  entityId: string | null;
  proposedName: string | null;
  start: number;
  end: number;
  ambiguous: boolean;
  status: "OPEN" | "ACCEPTED" | "DISMISSED";
};

export type MatchContext = {
  matcher: Matcher;
  /** normalizeName() of every known name and alias (a set, or a map keyed by them). */
  known: KnownNames;
};

/**
 * Known entities by name and alias (one suggestion per entity when an alias is shared, each
 * flagged ambiguous), then proposed new people, organizations and places where no known
 * entity was found.
 */
export function planSuggestions(text: string, context: MatchContext): PlannedSuggestion[] {
  const mentions = context.matcher.findMentions(text);
  const planned = knownEntitySuggestions(text, mentions);
  const overlapsKnown = (start: number, end: number) => mentions.some((m) => start < m.end && m.start < end);
  for (const proposal of suggestNewEntities(text, context.known, mentions)) {
    for (const { start, end } of proposal.occurrences) {
      if (overlapsKnown(start, end)) continue;
      planned.push({
        entityId: null,
        proposedName: proposal.name,
        proposedType: proposal.type,
        exact: text.slice(start, end),
        start,
        end,
        ambiguous: false,
      });
    }
  }
  return planned;
}

/** The suggestions of known entities found in the text: one per entity a name may be, flagged ambiguous when there are several. */
export function knownEntitySuggestions(text: string, mentions: readonly Mention[]): PlannedSuggestion[] {
  const planned: PlannedSuggestion[] = [];
  for (const m of mentions) {
    for (const entityId of m.entityIds) {
      planned.push({
        entityId,
        proposedName: null,
        proposedType: null,
        exact: text.slice(m.start, m.end),
        start: m.start,
        end: m.end,
        ambiguous: m.entityIds.length > 1,
      });
    }
  }
  return planned;
}

/** Identity of a suggestion on one revision: its span and what it suggests. */
export function suggestionKey(s: { entityId: string | null; proposedName: string | null; start: number; end: number }): string {
  return s.entityId ? `${s.start}:${s.end}:${s.entityId}` : `${s.start}:${s.end}:new:${normalizeName(s.proposedName ?? "")}`;
}

export type SuggestionChanges = {
  create: PlannedSuggestion[];
  /** Open suggestions whose ambiguity changed (an alias was added to or removed from another entity). */
  update: { id: string; ambiguous: boolean }[];
  /** Open suggestions the text no longer supports. */
  remove: string[];
};

/**
 * Brings the stored suggestions of a revision to the plan. Accepted and dismissed ones are
 * never touched and are not suggested again; a dismissed proposal silences every occurrence
 * of that name; a span already annotated and linked to the entity needs no suggestion.
 * `linkedSpans` holds `${start}:${end}:${entityId}` of existing links.
 */
export function diffSuggestions(stored: StoredSuggestion[], planned: PlannedSuggestion[], linkedSpans: Set<string>): SuggestionChanges {
  const byKey = new Map(stored.map((s) => [suggestionKey(s), s]));
  const dismissedNames = new Set(stored.filter((s) => s.status === "DISMISSED" && !s.entityId && s.proposedName).map((s) => normalizeName(s.proposedName!)));
  const keptIds = new Set<string>();
  const createdKeys = new Set<string>();
  const changes: SuggestionChanges = { create: [], update: [], remove: [] };
  for (const p of planned) {
    const key = suggestionKey(p);
    if (p.entityId && linkedSpans.has(key)) continue;
    if (!p.entityId && dismissedNames.has(normalizeName(p.proposedName ?? ""))) continue;
    const existing = byKey.get(key);
    if (existing) {
      keptIds.add(existing.id);
      if (existing.status === "OPEN" && existing.ambiguous !== p.ambiguous) changes.update.push({ id: existing.id, ambiguous: p.ambiguous });
    } else if (!createdKeys.has(key)) {
      createdKeys.add(key);
      changes.create.push(p);
    }
  }
  changes.remove = stored.filter((s) => s.status === "OPEN" && !keptIds.has(s.id)).map((s) => s.id);
  return changes;
}
