import "server-only";
import { defineSignal } from "@/lib/jobs/signals";

/**
 * An entity, a name or an alias changed (created, renamed, merged, deleted), inside the
 * transaction that changed it: work that reads article texts against the registry may be stale.
 */
export const registryChanged = defineSignal<Record<string, never>>("entity.registry-changed");
