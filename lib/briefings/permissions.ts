import { hasRole, type Actor } from "@/lib/auth/permissions";
import type { RoleName } from "@/lib/auth/schemas";

export const BRIEFING_READ_ROLES: readonly RoleName[] = ["EDITOR", "ANALYST", "ADMIN"];
export const BRIEFING_WRITE_ROLES: readonly RoleName[] = ["EDITOR", "ADMIN"];
export const BRIEFING_REVIEW_ROLES: readonly RoleName[] = ["ANALYST", "ADMIN"];

export function canReadBriefings(actor: Actor | null): actor is Actor {
  return hasRole(actor, BRIEFING_READ_ROLES);
}

/** Compose, save, submit, publish and retract. */
export function canComposeBriefings(actor: Actor | null): actor is Actor {
  return hasRole(actor, BRIEFING_WRITE_ROLES);
}

export function canReviewBriefings(actor: Actor | null): actor is Actor {
  return hasRole(actor, BRIEFING_REVIEW_ROLES);
}

/** An analyst approves or returns a briefing they did not write: not its author, nor anyone who saved a draft of it. */
export function canReviewBriefing(actor: Actor | null, writerIds: ReadonlySet<string>): boolean {
  return canReviewBriefings(actor) && !writerIds.has(actor.id);
}
