import type { Actor } from "@/lib/auth/permissions";
import { allows, allowsOn } from "@/lib/auth/policy";

export function canReadBriefings(actor: Actor | null): actor is Actor {
  return allows(actor, "briefings.read");
}

/** Compose, save, submit, publish and retract. */
export function canComposeBriefings(actor: Actor | null): actor is Actor {
  return allows(actor, "briefings.compose");
}

export function canReviewBriefings(actor: Actor | null): actor is Actor {
  return allows(actor, "briefings.review");
}

/** An analyst approves or returns a briefing they did not write: not its author, nor anyone who saved a draft of it. */
export function canReviewBriefing(actor: Actor | null, writerIds: ReadonlySet<string>): boolean {
  return allowsOn(actor, "briefings.review", writerIds);
}
