import { z } from "zod";
import { ValidationError } from "./errors";
import { assertStorableText } from "./security/storable-text";

const MAX_ID_LENGTH = 64;

/**
 * The id of a stored item (a cuid) as an action or route receives it. Ids come from our own pages,
 * so a missing, blank or oversized one is refused (422) before any query instead of being looked up.
 */
export const idSchema = z
  .string({ message: "The item's id is missing." })
  .trim()
  .min(1, "The item's id is missing.")
  .max(MAX_ID_LENGTH, `That is not a valid id: ids have at most ${MAX_ID_LENGTH} characters.`);

/** The largest version number (and other counters) the database's integer columns hold. */
export const MAX_DB_INT = 2_147_483_647;
export const NO_SUCH_VERSION = "There is no such version.";

/**
 * Parses untrusted input with a zod schema, turning failures into the app's ValidationError (422).
 * Text the database cannot store (NUL, unpaired surrogates) is refused here too, instead of failing the write.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  assertStorableText(input);
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}
