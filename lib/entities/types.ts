import type { DuplicateVerdictName, EntityTypeName, LinkRelationName, LinkTargetTypeName } from "./schemas";

/** Views cross to the client and the JSON API: dates are ISO strings. */

export type EntityRef = { id: string; name: string; type: EntityTypeName };

/** An active entity with its names, as the name matcher and the proposal engine read the registry. */
export interface RegistryEntity {
  id: string;
  name: string;
  type: EntityTypeName;
  aliases: string[];
}

export type EntityAliasView = { id: string; alias: string };

export type EntityView = {
  id: string;
  type: EntityTypeName;
  name: string;
  description: string | null;
  externalId: string | null;
  aliases: EntityAliasView[];
  version: number;
  /** Set when this entity was merged into another: that one is canonical now. */
  mergedInto: EntityRef | null;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
};

/** A search hit, with the name or alias that matched the query. */
export type EntitySearchHit = EntityRef & { aliases: string[]; description: string | null; matched: string };

export type EntityMergeView = {
  id: string;
  source: EntityRef;
  target: EntityRef;
  actor: { id: string; name: string };
  createdAt: string;
  undoneAt: string | null;
  /** Counts of what moved, for the history list. */
  summary: { aliases: number; links: number; participations: number; places: number; claims: number };
};

export type DuplicateCandidateView = {
  a: EntityRef & { aliases: string[] };
  b: EntityRef & { aliases: string[] };
  reason: "shared alias" | "similar name";
  score: number;
  verdict: DuplicateVerdictName | null;
};

/** One annotated passage linked to an entity or event, with where it comes from. */
export type LinkedPassage = {
  annotationId: string;
  exact: string;
  relations: LinkRelationName[];
  article: { id: string; title: string; outlet: string | null; publishedAt: string | null };
  href: string;
};

export type PassagesByOutlet = { outlet: string; passages: LinkedPassage[] }[];

export type LinkView = {
  id: string;
  annotationId: string;
  targetType: LinkTargetTypeName;
  relation: LinkRelationName;
  target: { id: string; name: string; kind: string; href: string };
  createdAt: string;
};
