import type { Actor } from "@/lib/auth/permissions";
import { allows } from "@/lib/auth/policy";

/** Everyone in the workspace reads articles; analysts review them but do not change them. */
export function canReadArticles(actor: Actor | null): actor is Actor {
  return allows(actor, "articles.read");
}

export function canImportArticles(actor: Actor | null): actor is Actor {
  return allows(actor, "articles.import");
}

/** Correcting metadata and restoring or removing lines. */
export function canEditArticles(actor: Actor | null): actor is Actor {
  return allows(actor, "articles.edit");
}
