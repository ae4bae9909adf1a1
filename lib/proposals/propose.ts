/**
 * The proposal engine's entry point: articles (or their stored extractions), the entity
 * registry, and the existing events and claims in; event proposals, claim proposals and
 * contradiction candidates out, shaped as the API returns them. Pure: no database, no clock.
 */
import { formatClaimValue } from "@/lib/contradictions/format";
import { normalizeName } from "@/lib/entities/match";
import { findContradictionCandidates, type Equivalences } from "./candidates";
import { extractArticle } from "./extract-events";
import { type Coverage, type Group, groupAround, groupWithHappeningDates, proposalKeyOf, type Reach, toProposal } from "./group";
import { buildRegistry, type Registry } from "./names";
import { spanKey } from "./text";
import type { ArticleExtraction, ClaimProposal, KeyedName, KnownClaim, KnownEvent, ProposalArticle, Proposals, RegistryEntity } from "./types";

export interface ProposeInput {
  /** Articles to read now. */
  articles?: ProposalArticle[];
  /** Articles read before (stored extractions): grouped again without reading their text. */
  extractions?: ArticleExtraction[];
  registry?: RegistryEntity[] | Registry;
  knownEvents?: KnownEvent[];
  knownClaims?: KnownClaim[];
}

function registryOf(input: ProposeInput): Registry | null {
  if (!input.registry) return null;
  return Array.isArray(input.registry) ? buildRegistry(input.registry) : input.registry;
}

export function propose(input: ProposeInput): Proposals {
  const registry = registryOf(input);
  const extractions = [...(input.extractions ?? []), ...(input.articles ?? []).map((a) => extractArticle(a, registry))];
  return proposeFromExtractions(extractions, registry, input.knownEvents ?? [], input.knownClaims ?? []);
}

/**
 * What the articles say about places and people: which places lie in which ("Riyadh, Saudi
 * Arabia") and which country a person speaks for ("Canadian Prime Minister Claire Dubois").
 */
function equivalencesOf(extractions: ArticleExtraction[], registry: Registry | null): Equivalences {
  const inside = new Set<string>();
  const countries = new Map<string, string>();
  for (const e of extractions) {
    for (const m of e.mentions) {
      if (m.place?.within) inside.add(`${normalizeName(m.place.name)}\u0000${m.place.within}`);
      for (const p of m.participants) {
        const country = p.affiliation ? registry?.byName.get(p.affiliation) : undefined;
        if (p.entityId && country) countries.set(p.entityId, country.id);
      }
    }
  }
  return {
    sameArea: (a, b) => {
      const [na, nb] = [normalizeName(a), normalizeName(b)];
      return na === nb || inside.has(`${na}\u0000${nb}`) || inside.has(`${nb}\u0000${na}`);
    },
    countryOf: (id) => countries.get(id),
  };
}

function knownNamesOf(registry: Registry | null): Map<string, KeyedName> {
  const knownNames = new Map<string, KeyedName>();
  for (const e of registry?.entities.values() ?? []) {
    knownNames.set(e.id, { name: e.name, entityId: e.id, key: `entity:${e.id}`, level: e.type === "PERSON" ? "person" : "group" });
  }
  return knownNames;
}

export function proposeFromExtractions(
  extractions: ArticleExtraction[],
  registry: Registry | null,
  knownEvents: KnownEvent[],
  knownClaims: KnownClaim[],
): Proposals {
  const groups = groupWithHappeningDates(extractions, knownEvents, knownNamesOf(registry));
  return proposalsOfGroups(groups, extractions, registry, knownClaims);
}

/**
 * The proposals of the seed articles' mentions and of the mentions connected to them (group.ts,
 * `groupAround`), and where those mentions' possible partners lie: the rest of the block is left
 * as it is. Given what the caller has read (`read`), a reach beyond it is answered with the reach
 * alone (`beyond`): the caller reads further and asks again, and proposals it would discard are not made.
 */
export function proposeAround(
  extractions: ArticleExtraction[],
  registry: Registry | null,
  knownEvents: KnownEvent[],
  knownClaims: KnownClaim[],
  seeds: readonly string[],
): Proposals & { reach: Reach };
export function proposeAround(
  extractions: ArticleExtraction[],
  registry: Registry | null,
  knownEvents: KnownEvent[],
  knownClaims: KnownClaim[],
  seeds: readonly string[],
  read: Coverage | undefined,
): (Proposals & { reach: Reach }) | { beyond: true; reach: Reach };
export function proposeAround(
  extractions: ArticleExtraction[],
  registry: Registry | null,
  knownEvents: KnownEvent[],
  knownClaims: KnownClaim[],
  seeds: readonly string[],
  read?: Coverage,
): (Proposals & { reach: Reach }) | { beyond: true; reach: Reach } {
  const { groups, reach } = groupAround(extractions, knownEvents, knownNamesOf(registry), new Set(seeds), read);
  if (groups === null) return { beyond: true, reach };
  return { ...proposalsOfGroups(groups, extractions, registry, knownClaims), reach };
}

function proposalsOfGroups(groups: Group[], extractions: ArticleExtraction[], registry: Registry | null, knownClaims: KnownClaim[]): Proposals {
  const targets = new Map(extractions.map((e) => [e.articleId, e.targets]));
  const events = groups.map((g) => toProposal(g, targets));

  const subjectOfMention = new Map<string, { proposalKey: string; eventId: string | null }>();
  groups.forEach((g, i) => {
    for (const m of g.members) if (m.mention) subjectOfMention.set(m.mention.key, { proposalKey: proposalKeyOf(g), eventId: events[i].eventId });
  });
  const entityNames = new Map([...(registry?.entities.values() ?? [])].map((e) => [e.id, e.name]));
  // A block's claims repeat a few values many times; formatting a date is costly.
  const labels = new Map<string, string>();
  const labelOf = (value: ClaimProposal["value"]) => {
    const json = JSON.stringify(value);
    let label = labels.get(json);
    if (label === undefined) {
      label = formatClaimValue(value, entityNames);
      labels.set(json, label);
    }
    return label;
  };
  const claims: ClaimProposal[] = extractions.flatMap((extraction) =>
    extraction.claims.flatMap((c) => {
      const subject = subjectOfMention.get(c.mentionKey);
      if (!subject) return [];
      const annotation = extraction.targets[spanKey(c.passage)];
      return [
        {
          key: c.key,
          ...subject,
          articleId: c.articleId,
          outlet: c.outlet,
          attribute: c.attribute,
          value: c.value,
          label: labelOf(c.value),
          annotation,
          quote: annotation.selector[0].exact,
          ...(c.speaker ? { speaker: c.speaker } : {}),
        },
      ];
    }),
  );
  const contradictions = findContradictionCandidates(claims, knownClaims, entityNames, equivalencesOf(extractions, registry));
  return { events, claims, contradictions };
}
