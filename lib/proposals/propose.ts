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
import { lacksPassages } from "./stored-extraction";
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

/**
 * The registry's names by entity id, made once per registry: the worker thread keeps its registry
 * between regroupings, and at 50,000 entities building these maps again took some 30 ms of each.
 */
const namesOfRegistry = new WeakMap<Registry, { known: Map<string, KeyedName>; entityNames: Map<string, string> }>();

function registryNames(registry: Registry | null): { known: Map<string, KeyedName>; entityNames: Map<string, string> } {
  if (!registry) return { known: new Map(), entityNames: new Map() };
  let names = namesOfRegistry.get(registry);
  if (!names) {
    const known = new Map<string, KeyedName>();
    for (const e of registry.entities.values()) {
      known.set(e.id, { name: e.name, entityId: e.id, key: `entity:${e.id}`, level: e.type === "PERSON" ? "person" : "group" });
    }
    names = { known, entityNames: new Map([...registry.entities.values()].map((e) => [e.id, e.name])) };
    namesOfRegistry.set(registry, names);
  }
  return names;
}

const knownNamesOf = (registry: Registry | null) => registryNames(registry).known;

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
 * Given no accepted claims (`knownClaims` null: not read), groups holding recorded events are answered
 * with those events alone (`claimsOf`), and groups holding articles whose claims and targets were
 * not given (stored-extraction.ts, `lacksPassages`) with those articles (`passagesOf`): the caller
 * reads them and asks again.
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
  knownClaims: KnownClaim[] | null,
  seeds: readonly string[],
  read: Coverage | undefined,
): (Proposals & { reach: Reach }) | { beyond: true; reach: Reach } | Wanted;
export function proposeAround(
  extractions: ArticleExtraction[],
  registry: Registry | null,
  knownEvents: KnownEvent[],
  knownClaims: KnownClaim[] | null,
  seeds: readonly string[],
  read?: Coverage,
): (Proposals & { reach: Reach }) | { beyond: true; reach: Reach } | Wanted {
  const asked = { registry, extractions, known: knownEvents, seeds: seeds.join(" "), read: coverageKey(read) };
  const kept = awaiting && sameGrouping(awaiting, asked) ? awaiting : null;
  awaiting = null;
  const { groups, reach } = kept ?? groupAround(extractions, knownEvents, knownNamesOf(registry), new Set(seeds), read);
  if (groups === null) return { beyond: true, reach };
  const claimsOf = knownClaims === null ? groups.flatMap((g) => g.members.flatMap((m) => (m.known ? [m.known.id] : []))) : [];
  const grouped = groupedArticles(groups);
  const passagesOf = extractions.filter((e) => grouped.has(e.articleId) && lacksPassages(e)).map((e) => e.articleId);
  if (claimsOf.length > 0 || passagesOf.length > 0) {
    awaiting = { ...asked, groups, reach };
    return { claimsOf, passagesOf, reach };
  }
  return { ...proposalsOfGroups(groups, extractions, registry, knownClaims ?? []), reach };
}

/** What a grouping needs before it proposes: recorded events' accepted claims, articles' claims and targets. */
export type Wanted = { claimsOf: string[]; passagesOf: string[]; reach: Reach };

const groupedArticles = (groups: Group[]) => new Set(groups.flatMap((g) => g.members.flatMap((m) => (m.mention ? [m.mention.articleId] : []))));

// The recorded events by identity: the worker thread parses the same events' text once (tasks.ts, `knownEventsOf`).
type Grouping = { registry: Registry | null; extractions: readonly ArticleExtraction[]; known: readonly KnownEvent[]; seeds: string; read: string };

/**
 * The groups last answered with what they want (`Wanted`): the caller asks again with it, over the
 * same block (the worker thread holds its extractions, the same objects), and grouping a block of
 * 500 articles again cost as much as grouping it the first time. Kept for that one call.
 */
let awaiting: (Grouping & { groups: Group[]; reach: Reach }) | null = null;

const coverageKey = (read: Coverage | undefined) =>
  read
    ? JSON.stringify([read.dated, read.undated, read.unbounded, read.persons && [[...read.persons.any], [...read.persons.solo], [...read.persons.pairs]]])
    : "";

const sameGrouping = (a: Grouping, b: Grouping) =>
  a.registry === b.registry &&
  a.known === b.known &&
  a.seeds === b.seeds &&
  a.read === b.read &&
  a.extractions.length === b.extractions.length &&
  a.extractions.every((e, i) => e === b.extractions[i]);

function proposalsOfGroups(groups: Group[], extractions: ArticleExtraction[], registry: Registry | null, knownClaims: KnownClaim[]): Proposals {
  // Passages and claims are proposed of grouped mentions only: a block's other articles have none to give, and
  // their targets and claims are left unread (a stored extraction parses them when first read).
  const grouped = groupedArticles(groups);
  const targets = new Map(extractions.filter((e) => grouped.has(e.articleId)).map((e) => [e.articleId, e.targets]));
  const events = groups.map((g) => toProposal(g, targets));

  const subjectOfMention = new Map<string, { proposalKey: string; eventId: string | null }>();
  groups.forEach((g, i) => {
    for (const m of g.members) if (m.mention) subjectOfMention.set(m.mention.key, { proposalKey: proposalKeyOf(g), eventId: events[i].eventId });
  });
  const { entityNames } = registryNames(registry);
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
  const claims: ClaimProposal[] = extractions
    .filter((e) => grouped.has(e.articleId))
    .flatMap((extraction) =>
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
  // An accepted claim is compared only with proposed claims about its event: those of events no group holds meet none.
  const groupedEvents = new Set(events.flatMap((e) => (e.eventId ? [e.eventId] : [])));
  const contradictions = findContradictionCandidates(
    claims,
    knownClaims.filter((k) => groupedEvents.has(k.eventId)),
    entityNames,
    equivalencesOf(extractions, registry),
  );
  return { events, claims, contradictions };
}
