import type { z } from "zod";
import { ValidationError } from "./errors";
import { assertStorableText } from "./security/storable-text";

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
