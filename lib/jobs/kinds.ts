/**
 * A kind of background job, declared once by the domain that owns the work. Adding a kind is
 * one defineJob() call and one line in the list of kinds the workers run (lib/wiring.ts).
 */
export type JobContext = {
  /** 1 on the first try. */
  attempt: number;
  /** No retry follows a failure of this try. */
  lastAttempt: boolean;
  /** True while jobs of other, not `background`, kinds wait: a `background` kind then hands the rest of its work back (see `later`). */
  othersWaiting: () => Promise<boolean>;
};

export type JobKind<T> = {
  /** The queue's name; never renamed while jobs of the kind may wait. */
  name: string;
  /** Tries after the first failure, and the pause before each. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A try still running after this long counts as lost (its process died) and is tried again. */
  expireInSeconds: number;
  /**
   * At most one job of the kind waits at a time (one more may be running): requests while one
   * waits are served by it. For work that covers everything each time, such as a pass over all articles.
   */
  coalesce?: boolean;
  /**
   * Up to `size` waiting jobs of the kind run as one try, their data joined by `combine`: for work
   * that costs less done once for many, such as regrouping the proposals around the articles of
   * several imports. The jobs of a batch succeed or fail together.
   */
  batch?: { size: number; combine: (data: T[]) => T };
  /** Runs after the other kinds' waiting jobs, and yields to them between slices of its work. */
  background?: boolean;
  /**
   * Does the work. May return data for a follow-up job of the same kind, queued after
   * `laterDelaySeconds` (a `background` kind's unfinished rest).
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a run that has nothing to follow up is an async function returning nothing.
  run: (data: T, context: JobContext) => Promise<{ later?: T } | void>;
  laterDelaySeconds?: number;
};

export function defineJob<T>(kind: JobKind<T>): JobKind<T> {
  return kind;
}

/** A kind whatever its data, for lists of kinds (a job's data type is checked where it is queued and run). */
// biome-ignore lint/suspicious/noExplicitAny: a kind of any data type must fit here, and run's parameter makes JobKind<unknown> too narrow.
export type SomeJobKind = JobKind<any>;
