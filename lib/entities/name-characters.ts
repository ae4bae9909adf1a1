/**
 * Characters in entity names that readers cannot see or cannot tell apart. Pure module, safe in
 * client bundles (the entity schemas use it).
 *
 * - Invisible format characters (zero-width space, soft hyphen, word joiner, byte-order mark…)
 *   would make "Ac\u200Bme" a new entity that looks exactly like "Acme": they are removed.
 * - Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) reorder the text wherever
 *   the name is shown, including the public "Key actors" block: a name holding one is refused.
 * - Cyrillic and Greek letters drawn like Latin ones ("А", "с", "о") make "Асme" look like "Acme".
 *   A word mixing them with Latin letters is folded to its Latin look-alike for duplicate
 *   detection, and a whole name made of look-alikes is compared with Latin names as well. This
 *   covers the scripts that share glyphs with Latin; it is not all of Unicode's confusables list.
 */

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const FORMAT_CHARACTERS = /\p{Cf}/gu;

export const BIDI_CONTROL_MESSAGE =
  "Names cannot contain text-direction control characters (such as U+202E, right-to-left override): they change how the name reads wherever it is shown.";

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/** The name as stored and shown: NFKC (full-width and ligature forms become plain letters), no invisible characters, single spaces. */
export function cleanName(text: string): string {
  return text.normalize("NFKC").replace(FORMAT_CHARACTERS, "").replace(/\s+/g, " ").trim();
}

/** Removes format characters (zero-width and the like) from a key. */
export function withoutFormatCharacters(text: string): string {
  return text.replace(FORMAT_CHARACTERS, "");
}

/** Cyrillic and Greek letters whose usual glyphs are those of a Latin letter. */
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  У: "Y",
  Х: "X",
  Ѕ: "S",
  І: "I",
  Ј: "J",
  Ԛ: "Q",
  Ԝ: "W",
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  ѕ: "s",
  і: "i",
  ј: "j",
  һ: "h",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ү: "y",
  // Greek
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
  ο: "o",
  ρ: "p",
  ν: "v",
  ι: "i",
  κ: "k",
  τ: "t",
  υ: "u",
  χ: "x",
  α: "a",
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join("")}]`, "gu");
const LATIN = /\p{Script=Latin}/u;
const CONFUSABLE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function fold(word: string): string {
  return word.replace(LOOKALIKE, (letter) => LOOKALIKES[letter] ?? letter);
}

/** A word that mixes Latin letters with Cyrillic or Greek ones: almost always a spoof or a typing accident. */
function isMixedWord(word: string): boolean {
  return LATIN.test(word) && CONFUSABLE_SCRIPT.test(word);
}

/** Whether any word of the name mixes Latin with Cyrillic or Greek letters. */
export function hasMixedScriptWord(name: string): boolean {
  return (name.match(WORD) ?? []).some(isMixedWord);
}

/** Folds look-alike letters only inside mixed-script words: a Russian or Greek word on its own stays as written. */
export function foldMixedScriptWords(text: string): string {
  return text.replace(WORD, (word) => (isMixedWord(word) ? fold(word) : word));
}

/**
 * The name with every look-alike letter folded to Latin, when that changes it and leaves no
 * Cyrillic or Greek letter behind ("АСМЕ" in Cyrillic reads as "ACME"); else null.
 */
export function latinLookalike(name: string): string | null {
  const folded = fold(name);
  return folded !== name && !CONFUSABLE_SCRIPT.test(folded) ? folded : null;
}
