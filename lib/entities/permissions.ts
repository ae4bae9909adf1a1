import type { Actor } from "@/lib/auth/permissions";
import { allows } from "@/lib/auth/policy";

/** Editors and admins change the registry; analysts read it. */
export function canReadEntities(actor: Actor | null): actor is Actor {
  return allows(actor, "entities.read");
}

export function canEditEntities(actor: Actor | null): actor is Actor {
  return allows(actor, "entities.edit");
}

/** Linking a passage to an entity or event is an edit of the registry's links. */
export function canLinkPassages(actor: Actor | null): actor is Actor {
  return allows(actor, "passages.link");
}
