import type { Actor } from "@/lib/auth/permissions";
import { allows } from "@/lib/auth/policy";
import type { Principal } from "@/lib/auth/principal";

/** Everyone in the workspace reads articles; analysts review them but do not change them. */
export function canReadArticles(actor: Actor | null): actor is Actor {
  return allows(actor, "articles.read");
}

/** Editors and admins, and the system (the command line, first-start seeding). */
export function canImportArticles<P extends Principal>(principal: P | null): principal is P {
  return allows(principal, "articles.import");
}

/** Correcting metadata and restoring or removing lines. */
export function canEditArticles(actor: Actor | null): actor is Actor {
  return allows(actor, "articles.edit");
}
