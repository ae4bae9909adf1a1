/**
 * Contradiction candidates: two outlets making conflicting claims about the same happening,
 * with why they conflict ("date: 18 May 2025 vs 19 May 2025"). Values are compared with
 * lib/contradictions' compareValues, so compatible ones ("about 3 h" and "more than 2 h") are
 * not candidates. Pure.
 */
import { compareValues, type ClaimValue } from "@/lib/contradictions/claim-values";
import { formatClaimValue, type EntityNames } from "@/lib/contradictions/format";
import { attributeLabel } from "@/lib/contradictions/schemas";
import type { CandidateSide, ClaimProposal, ContradictionCandidate, KnownClaim } from "./types";

/**
 * Participant lists are left out: reports name the participants that matter to their story, so
 * a shorter list is rarely a contradiction. Quoted statements are free text, never compared.
 */
const NOT_COMPARED = new Set(["participants", "statement"]);

interface Sourced {
  side: CandidateSide;
  proposalKey: string;
  eventId: string | null;
  attribute: string;
  value: ClaimValue;
}

const placeName = (value: ClaimValue, names: EntityNames) =>
  value.type === "text" ? value.text : value.type === "entities" ? (names.get(value.ids[0]) ?? value.ids[0]) : "";

const outletKey = (s: CandidateSide) => s.outlet?.trim().toLowerCase() || `article:${s.articleId}`;

/** What the articles tell about places and people, so that different words for one thing do not conflict. */
export interface Equivalences {
  /** Two places are one or one contains the other as the texts put them ("Riyadh, Saudi Arabia"). */
  sameArea(a: string, b: string): boolean;
  /** The country entity a person entity speaks for, if the texts say: "the Canadian side" and Canada's prime minister initiate alike. */
  countryOf(entityId: string): string | undefined;
}

const NO_EQUIVALENCES: Equivalences = { sameArea: () => false, countryOf: () => undefined };

function sameParties(a: ClaimValue, b: ClaimValue, equivalences: Equivalences): boolean {
  if (a.type !== "entities" || b.type !== "entities") return false;
  const parties = (ids: string[]) => new Set(ids.map((id) => equivalences.countryOf(id) ?? id));
  const [pa, pb] = [parties(a.ids), parties(b.ids)];
  return pa.size === pb.size && [...pa].every((id) => pb.has(id));
}

export function findContradictionCandidates(
  claims: ClaimProposal[],
  known: KnownClaim[],
  names: EntityNames,
  equivalences: Equivalences = NO_EQUIVALENCES,
): ContradictionCandidate[] {
  const proposalOfEvent = new Map(claims.filter((c) => c.eventId).map((c) => [c.eventId!, c.proposalKey]));
  const sourced: Sourced[] = [
    ...claims.map((c) => ({
      side: { claimKey: c.key, accepted: false, articleId: c.articleId, outlet: c.outlet, label: c.label, quote: c.quote },
      proposalKey: c.proposalKey,
      eventId: c.eventId,
      attribute: c.attribute,
      value: c.value,
    })),
    ...known.map((k) => ({
      side: { claimKey: k.id, accepted: true, articleId: k.articleId, outlet: k.outlet, label: formatClaimValue(k.value, names), quote: k.quote },
      proposalKey: proposalOfEvent.get(k.eventId) ?? `event:${k.eventId}`,
      eventId: k.eventId,
      attribute: k.attribute,
      value: k.value,
    })),
  ].filter((s) => !NOT_COMPARED.has(s.attribute));

  const bySubject = new Map<string, Sourced[]>();
  for (const s of sourced) {
    const at = `${s.proposalKey}\u0000${s.attribute}`;
    const group = bySubject.get(at);
    if (group) group.push(s);
    else bySubject.set(at, [s]);
  }
  // Every pair of a subject's claims is compared, and many sources give the same value: each pair of values is compared once.
  const json = new Map<Sourced, string>(sourced.map((s) => [s, JSON.stringify(s.value)]));
  const conflicts = new Map<string, boolean>();
  const conflict = (a: Sourced, b: Sourced) => {
    const pair = `${json.get(a)}\u0000${json.get(b)}`;
    let found = conflicts.get(pair);
    if (found === undefined) {
      found = compareValues(a.value, b.value) === "conflict";
      conflicts.set(pair, found);
    }
    return found;
  };
  const candidates: ContradictionCandidate[] = [];
  for (const group of bySubject.values()) {
    const seen = new Set<string>();
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]];
        if (a.side.accepted && b.side.accepted) continue;
        if (outletKey(a.side) === outletKey(b.side) || !conflict(a, b)) continue;
        if (a.attribute === "place" && equivalences.sameArea(placeName(a.value, names), placeName(b.value, names))) continue;
        if (a.attribute === "initiator" && sameParties(a.value, b.value, equivalences)) continue;
        const pair = [a.side.label, b.side.label].sort().join("\u0000");
        if (seen.has(pair)) continue;
        seen.add(pair);
        candidates.push({
          key: `${a.proposalKey}#${a.attribute}#${[a.side.claimKey, b.side.claimKey].sort().join("|")}`,
          proposalKey: a.proposalKey,
          eventId: a.eventId ?? b.eventId,
          attribute: a.attribute,
          reason: `${attributeLabel(a.attribute).toLowerCase()}: ${a.side.label} vs ${b.side.label}`,
          a: a.side,
          b: b.side,
        });
      }
    }
  }
  return candidates;
}
