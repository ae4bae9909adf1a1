import type { Actor } from "@/lib/auth/permissions";
import { allows } from "@/lib/auth/policy";

export function canReadEvents(actor: Actor | null): actor is Actor {
  return allows(actor, "events.read");
}

export function canEditEvents(actor: Actor | null): actor is Actor {
  return allows(actor, "events.edit");
}
