import { ValidationError } from "@/lib/errors";

/**
 * PostgreSQL cannot store U+0000 in text or JSON, and no UTF-8 encoding exists for a lone
 * surrogate (half of a UTF-16 pair): either one in any input made the database refuse the
 * write, which surfaced as a 500. Input is checked before it gets that far.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MAX_DEPTH = 64;

/** The path of the first string (or object key) in `value` that cannot be stored, or null. */
export function findUnstorableText(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path : null;
  if (typeof value !== "object" || value === null || depth > MAX_DEPTH) return null;
  if (value instanceof FormData) {
    for (const [key, entry] of value.entries()) {
      // A file's contents are bytes, but its name is stored as text.
      const text = entry instanceof File ? entry.name : entry;
      const found = UNSTORABLE.test(key) ? [key] : findUnstorableText(text, [key], depth + 1);
      if (found) return found;
    }
    return null;
  }
  // Only JSON-like data is walked: bytes, files and class instances are not text.
  const prototype = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return null;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, entry] of entries) {
    if (UNSTORABLE.test(key)) return [...path, key];
    const found = findUnstorableText(entry, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Throws a ValidationError (422) naming the field when `value` holds text that cannot be stored. */
export function assertStorableText(value: unknown): void {
  const path = findUnstorableText(value);
  if (path === null) return;
  const where = path.length > 0 ? `${path.join(".")}: ` : "";
  throw new ValidationError(`${where}The text contains a NUL character or broken Unicode (an unpaired surrogate), which cannot be stored.`, {
    issues: [{ path: path.join("."), message: "Text contains a NUL character or an unpaired surrogate." }],
  });
}
