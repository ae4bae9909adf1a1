import { z } from "zod";
import { ValidationError } from "@/lib/errors";

/**
 * Keyset cursors: the sort keys of the last row a page listed, as opaque base64url JSON. The next
 * page starts after those keys, so it holds when that row has since left the list (reviewed,
 * deleted), where a cursor naming the row would have to find it first.
 */
export function encodeCursor(keys: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(keys)).toString("base64url");
}

const INVALID = "cursor: this is not a cursor the list gave out; use a page's nextCursor, or leave it out for the first page.";

/** The keys of a cursor from encodeCursor, checked against `shape`; anything else is a ValidationError naming the cursor. */
export function decodeCursor<S extends z.ZodType>(cursor: string, shape: S): z.output<S> {
  let keys: unknown;
  try {
    keys = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new ValidationError(INVALID, { issues: [{ path: "cursor", message: INVALID }] });
  }
  const parsed = shape.safeParse(keys);
  if (!parsed.success) throw new ValidationError(INVALID, { issues: [{ path: "cursor", message: INVALID }] });
  return parsed.data;
}

/** A timestamp key as stored (milliseconds, as the database's TIMESTAMP(3) columns keep them). */
export const timestampKey = z.iso.datetime().transform((value) => new Date(value));

/** An id or a name key: text of sensible length, no NUL (the database refuses it). */
export const textKey = z
  .string()
  .max(1000)
  .refine((value) => !value.includes("\0"));
