import "server-only";
import { db, type Tx } from "@/lib/db";

type Effect = () => void | Promise<void>;

const effectsOf = new WeakMap<Tx, Effect[]>();

/**
 * db.$transaction, plus effects that run once after it committed (purging the public pages
 * after a publication): never for a write that rolled back, never twice. An effect that fails is
 * logged; the write it followed stands.
 */
export async function transaction<T>(work: (tx: Tx) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T> {
  const effects: Effect[] = [];
  const result = await db.$transaction(async (tx) => {
    effectsOf.set(tx, effects);
    return work(tx);
  }, options);
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      console.error("An effect after a committed write failed:", error);
    }
  }
  return result;
}

/** Runs `effect` once the transaction (opened with `transaction`) has committed. */
export function afterCommit(tx: Tx, effect: Effect): void {
  const effects = effectsOf.get(tx);
  if (!effects) throw new Error("afterCommit needs a transaction opened with transaction() from lib/jobs.");
  effects.push(effect);
}
