import "server-only";
import type { Tx } from "@/lib/db";

/**
 * What a domain announces inside its write transaction ("these articles have a new text"), for
 * the layers above it to add their part of the work in the same transaction: work that must
 * commit with the write (re-anchoring annotations onto a new revision), or a job queued for
 * work that may lag (suggestions). The domain that announces knows nothing of who listens;
 * lib/wiring.ts subscribes, once per process.
 */
export type Signal<P, R> = { name: string; __types?: (payload: P) => R };

type Handler = (tx: Tx, payload: never) => Promise<unknown>;

// On globalThis: Next.js may load this module more than once in one server process.
const holder = globalThis as unknown as { concordSignals?: Map<string, Handler[]> };
holder.concordSignals ??= new Map();
const handlers = holder.concordSignals;

export function defineSignal<P, R = void>(name: string): Signal<P, R> {
  return { name };
}

export function subscribe<P, R>(signal: Signal<P, R>, handler: (tx: Tx, payload: P) => Promise<R>): void {
  const list = handlers.get(signal.name) ?? [];
  if (!list.includes(handler as Handler)) list.push(handler as Handler);
  handlers.set(signal.name, list);
}

/**
 * Runs every subscriber in the caller's transaction and returns their results. A signal without
 * subscribers means the process never loaded lib/wiring.ts: the write would silently lose its
 * follow-up work, so it fails instead.
 */
export async function emit<P, R>(signal: Signal<P, R>, tx: Tx, payload: P): Promise<R[]> {
  const list = handlers.get(signal.name);
  if (!list?.length) throw new Error(`Nothing handles "${signal.name}": this process did not load lib/wiring.ts.`);
  const results: R[] = [];
  for (const handler of list) results.push((await handler(tx, payload as never)) as R);
  return results;
}
