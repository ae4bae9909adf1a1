/**
 * Offsets into a text as Unicode code points (the W3C TextPositionSelector's unit) and as
 * UTF-16 code units (JavaScript strings, and so the stored selectors). Pure module.
 */
export type OffsetConverter = { toCodePoints(units: number): number; toUnits(codePoints: number): number };

const IDENTITY: OffsetConverter = { toCodePoints: (units) => units, toUnits: (codePoints) => codePoints };

/**
 * A converter for one text. Only characters outside the Basic Multilingual Plane (emoji, many
 * CJK extensions) take two units, so the converter keeps where those stand; offsets past the
 * end or below zero move by the same amount, so range checks further in still see them.
 */
export function offsetConverter(text: string): OffsetConverter {
  const pairs: number[] = [];
  for (let index = 0; index < text.length - 1; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs.push(index);
        index += 1;
      }
    }
  }
  if (pairs.length === 0) return IDENTITY;
  return {
    // Each pair that starts before the offset takes one unit more than its one code point.
    toCodePoints: (units) => units - countWhile(pairs, (pairStart) => pairStart < units - 1),
    // The pair at list index i starts at code point pairStart - i.
    toUnits: (codePoints) => codePoints + countWhile(pairs, (pairStart, index) => pairStart - index < codePoints),
  };
}

/** How many leading items of an ascending list pass a test that holds for a prefix of it (binary search). */
function countWhile(items: readonly number[], test: (item: number, index: number) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(items[middle], middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
