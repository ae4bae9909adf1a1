import "server-only";
import { defineSignal } from "@/lib/jobs/signals";

/**
 * An entity, a name or an alias changed (created, renamed, merged, deleted), inside the
 * transaction that changed it: work that reads article texts against the registry may be stale
 * where those entities are named.
 */
export const registryChanged = defineSignal<{ entityIds: string[] }>("entity.registry-changed");
