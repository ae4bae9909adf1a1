import "server-only";
import { db, type Tx } from "@/lib/db";
import { runTask } from "@/lib/workers/pool";
import { REGISTRY_MISSING, type RegistrySnapshot, type TaskInput, type TaskName, type TaskOutput } from "@/lib/workers/tasks";

/**
 * Changes whenever an entity or alias is created, edited, merged or deleted: a trigger bumps it
 * with every such statement (migration 20261205000100_registry_version), so checking costs one
 * row's read however large the registry.
 */
export async function registryFingerprint(client: Tx | typeof db = db): Promise<string> {
  const row = await client.registryVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return String(row?.version ?? 0);
}

/** One snapshot for suggestions and proposals alike: two were two copies of every name at 50,000 entities. */
let cached: RegistrySnapshot | null = null;

/** Every active entity with its names, read again only when the registry changed. */
export async function loadRegistrySnapshot(): Promise<RegistrySnapshot> {
  // Read before the entities, so a change in between makes the snapshot look stale, never fresh.
  const fingerprint = await registryFingerprint();
  if (cached?.fingerprint === fingerprint) return cached;
  const entities = await db.entity.findMany({
    where: { deletedAt: null, mergedIntoId: null },
    select: { id: true, name: true, type: true, aliases: { select: { alias: true } } },
  });
  cached = { fingerprint, entities: entities.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases.map((a) => a.alias) })) };
  return cached;
}

type RegistryTask = { [N in TaskName]: TaskInput<N> extends { registry: unknown } ? N : never }[TaskName];

/** The registry the worker thread was last sent; it keeps what it builds from it (lib/workers/tasks.ts). */
let sentFingerprint: string | null = null;

/**
 * Runs a task that reads names, sending the registry's entities only when the thread may lack them
 * (first use, a change, a thread that restarted or was never sent them).
 */
export async function runRegistryTask<N extends RegistryTask>(
  name: N,
  registry: RegistrySnapshot,
  input: Omit<TaskInput<N>, "registry">,
  options: Parameters<typeof runTask>[2],
): Promise<TaskOutput<N>> {
  if (sentFingerprint === registry.fingerprint) {
    try {
      return await runTask(name, { ...input, registry: { fingerprint: registry.fingerprint } } as TaskInput<N>, options);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith(`${REGISTRY_MISSING}:`))) throw error;
    }
  }
  const output = await runTask(name, { ...input, registry } as TaskInput<N>, options);
  sentFingerprint = registry.fingerprint;
  return output;
}
