/**
 * Options for interactive transactions that write a lot at once (an import batch, a long
 * article's suggestions or new revision): the default 5 s is too short for them, above all
 * on the embedded database.
 */
export const LONG_TRANSACTION = { maxWait: 30_000, timeout: 120_000 } as const;
