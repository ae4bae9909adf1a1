/**
 * The version of the extraction rules (extract-events.ts, names.ts, sentence.ts, vocabulary.ts,
 * claims.ts, resolve-dates.ts and what they use) that stored extractions were read with. Bump it
 * whenever a change to the rules changes what they extract from some text: when the server next starts, its
 * job workers read every article stored with an older version again, in the background, newest first
 * (jobs.ts, `outdatedExtractionsJob`). Extractions stored before versions were recorded are 0.
 */
export const EXTRACTION_RULES_VERSION = 3;
