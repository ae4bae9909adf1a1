import { hasRole, type Actor } from "@/lib/auth/permissions";

/** Everyone in the workspace reads articles; analysts review them but do not change them. */
export function canReadArticles(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ANALYST", "ADMIN"]);
}

export function canImportArticles(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ADMIN"]);
}

/** Correcting metadata and restoring or removing lines. */
export function canEditArticles(actor: Actor | null): actor is Actor {
  return hasRole(actor, ["EDITOR", "ADMIN"]);
}
