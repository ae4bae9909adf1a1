/**
 * The CPU-heavy work that runs on a worker thread, off the thread that answers requests: one entry
 * per task, called by name through lib/workers/pool.ts. Each is a pure function of its input (no
 * database, no "server-only" modules), so the worker loads only the parsers and the name finder.
 */
import { prepareImport, type ImportSource, type PreparedImport } from "@/lib/articles/prepare";
import { extractArticle } from "@/lib/proposals/extract-events";
import type { Coverage } from "@/lib/proposals/group";
import { type ExtractionRow, extractionRow } from "@/lib/proposals/extraction-row";
import { buildRegistry, type Registry } from "@/lib/proposals/names";
import { proposeAround } from "@/lib/proposals/propose";
import { givePassages, type StoredExtraction, unpackExtraction } from "@/lib/proposals/stored-extraction";
import type { ArticleExtraction, KnownClaim, KnownEvent, ProposalArticle, RegistryEntity } from "@/lib/proposals/types";
import {
  diffSuggestions,
  planSuggestions,
  type MatchContext,
  type PlannedSuggestion,
  type StoredSuggestion,
  type SuggestionChanges,
} from "@/lib/entities/suggestion-plan";

/** The entity registry as suggestions and proposals read it; `fingerprint` changes whenever it does. */
export type RegistrySnapshot = { fingerprint: string; entities: RegistryEntity[] };

/**
 * What a task reading names carries: the entities only when the thread may not hold this registry
 * yet. Copying 50,000 entities to the thread on every task cost more than matching the article.
 */
export type RegistryRef = { fingerprint: string; entities?: RegistryEntity[] };

/** The thread holds no registry for the fingerprint and was sent none (it restarted, or another thread was sent it): send the entities. */
export const REGISTRY_MISSING = "RegistryMissing";

/**
 * The registry the thread was last sent, built once for suggestions and proposals alike: its
 * matcher of names (some 25 MB at 50,000 entities) and its map of names by which suggestions tell
 * known names (the same keys as a set of them).
 */
let registryOnThread: { fingerprint: string; registry: Registry } | null = null;

function registryFor(ref: RegistryRef): Registry {
  if (registryOnThread?.fingerprint !== ref.fingerprint) {
    if (!ref.entities) {
      const error = new Error("The worker thread holds no registry for this fingerprint.");
      error.name = REGISTRY_MISSING;
      throw error;
    }
    // Dropped first: the thread never holds two registries at once.
    registryOnThread = null;
    registryOnThread = { fingerprint: ref.fingerprint, registry: buildRegistry(ref.entities) };
  }
  return registryOnThread.registry;
}

function contextFor(ref: RegistryRef): MatchContext {
  const { matcher, byName } = registryFor(ref);
  return { matcher, known: byName };
}

/** The thread holds none of the extractions a grouping says it holds (it restarted, or held others): send them all. */
export const EXTRACTIONS_MISSING = "ExtractionsMissing";

/**
 * The extractions of the last groupings, parsed, by article, with the version they were read at:
 * the next grouping around the same days (the next article of an import, the next revision, the
 * next report of the same happenings) mostly reads extractions grouped before, which then neither
 * travel from the database nor are parsed again. The thread keeps those the caller says it holds
 * (refresh.ts, `heldAfter`, bounds them by the size of their JSON).
 */
let heldExtractions = new Map<string, { version: string; extraction: ArticleExtraction }>();

/**
 * The block's extractions in its order: those sent as JSON, the rest held from earlier groupings at
 * the same version. Afterwards the thread holds those of `hold` (the block among them).
 */
function blockExtractions(block: { articleId: string; version: string }[], extractionsJson: readonly string[], hold: readonly string[]): ArticleExtraction[] {
  const held = block.map(({ articleId, version }) => {
    const found = heldExtractions.get(articleId);
    return found?.version === version ? found.extraction : undefined;
  });
  // Dropped before the sent ones are parsed: the thread holds no more than it was told to.
  const kept = new Set(hold);
  for (const articleId of heldExtractions.keys()) if (!kept.has(articleId)) heldExtractions.delete(articleId);
  const sent = new Map(
    extractionsJson.map((json) => {
      const e = unpackExtraction(JSON.parse(json) as StoredExtraction);
      return [e.articleId, e];
    }),
  );
  const extractions = block.map(({ articleId }, i) => sent.get(articleId) ?? held[i]);
  if (extractions.some((e) => e === undefined)) {
    heldExtractions = new Map();
    const error = new Error("The worker thread does not hold the extractions it was not sent.");
    error.name = EXTRACTIONS_MISSING;
    throw error;
  }
  block.forEach(({ articleId, version }, i) => {
    if (kept.has(articleId)) heldExtractions.set(articleId, { version, extraction: extractions[i]! });
  });
  return extractions as ArticleExtraction[];
}

export const TASKS = {
  prepareImport: (source: ImportSource): PreparedImport => prepareImport(source),
  planSuggestions: (input: { registry: RegistryRef; texts: string[] }): PlannedSuggestion[][] => {
    const matchContext = contextFor(input.registry);
    return input.texts.map((text) => planSuggestions(text, matchContext));
  },
  diffSuggestions: (articles: { stored: StoredSuggestion[]; planned: PlannedSuggestion[]; linkedSpans: string[] }[]): SuggestionChanges[] =>
    articles.map(({ stored, planned, linkedSpans }) => diffSuggestions(stored, planned, new Set(linkedSpans))),
  /** Each article's extraction as its row stores it: a string crosses to the other thread as a copy, an object graph is cloned. */
  extractProposals: (input: { registry: RegistryRef; articles: ProposalArticle[] }): ExtractionRow[] => {
    const registry = registryFor(input.registry);
    return input.articles.map((article) => extractionRow(extractArticle(article, registry)));
  },
  groupProposalsAround: (input: {
    registry: RegistryRef;
    /** The block's articles, oldest first, each with the version of its stored extraction. */
    block: { articleId: string; version: string }[];
    /**
     * The extractions of the block the thread may not hold, each as its row's JSON text: a string
     * crosses to the thread as a copy, an object graph is cloned (refresh.ts, readRows). Not joined
     * into one array's text: building and cloning one string of a block's 4.7 MB cost the main
     * thread some 45 ms, the 500 strings as they are 2 ms.
     */
    extractionsJson: string[];
    /** The articles whose extractions the thread keeps for later groupings: the block and others it holds. */
    hold: string[];
    /** Claims and targets (ArticleExtraction.passages) of the block's articles a grouping asked for, by article. */
    passages?: [articleId: string, text: string][];
    /**
     * The events recorded near the block's days, as one JSON text: a string crosses to the thread
     * as a copy, where cloning the thousand events of a dense month cost 4–16 ms each way and each
     * ask sends them again.
     */
    knownEventsJson: string;
    /** Null when not read: groups holding recorded events then come back as those events (`claimsOf`), for their claims. */
    knownClaims: KnownClaim[] | null;
    seeds: string[];
    /** What the caller has read, when it may read further: a reach beyond it comes back without proposals. */
    read?: Coverage;
  }) => {
    const registry = registryFor(input.registry);
    const extractions = blockExtractions(input.block, input.extractionsJson, input.hold);
    if (input.passages?.length) {
      const byArticle = new Map(extractions.map((e) => [e.articleId, e]));
      for (const [articleId, text] of input.passages) {
        const extraction = byArticle.get(articleId);
        if (extraction) givePassages(extraction, text);
      }
    }
    return proposeAround(extractions, registry, knownEventsOf(input.knownEventsJson), input.knownClaims, input.seeds, input.read);
  },
};

/**
 * The recorded events of the last grouping, parsed once: its further asks send the same text, and
 * the grouping they answer is kept only for the very same events (propose.ts, `awaiting`).
 */
let knownOnThread: { json: string; events: KnownEvent[] } | null = null;

function knownEventsOf(json: string): KnownEvent[] {
  if (knownOnThread?.json !== json) knownOnThread = { json, events: JSON.parse(json) as KnownEvent[] };
  return knownOnThread.events;
}

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = ReturnType<(typeof TASKS)[N]>;
