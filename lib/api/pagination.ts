/** Query parameters for paging JSON lists. Safe on the client (zod only). */
import { z } from "zod";

const emptyAsMissing = (value: unknown) => (value === "" ? undefined : value);

/** `?limit=`: how many items, 1 to `max`; more is refused (422), not silently cut. */
export function limitParam(max: number) {
  return z.preprocess(
    emptyAsMissing,
    z.coerce
      .number({ message: "limit must be a whole number." })
      .int("limit must be a whole number.")
      .min(1, "limit is at least 1.")
      .max(max, `limit is at most ${max}.`)
      .optional(),
  );
}

/** `?page=`: 1-based page number. */
export const pageParam = z.preprocess(
  emptyAsMissing,
  z.coerce
    .number({ message: "page must be a whole number." })
    .int("page must be a whole number.")
    .min(1, "page is at least 1.")
    .max(100_000, "page is at most 100000.")
    .optional(),
);

/** `?cursor=`: a page's `nextCursor`, checked where it is read (lib/api/cursor.ts); empty means the first page. */
export const cursorParam = z.preprocess(emptyAsMissing, z.string().trim().max(2000, "cursor is at most 2000 characters.").optional());
