import type { z } from "zod";
import { ValidationError } from "./errors";

/** Parses untrusted input with a zod schema, turning failures into the app's ValidationError (422). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}
