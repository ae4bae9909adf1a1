/**
 * A small language guesser: script proportions for the languages a script mostly belongs to
 * (Japanese, Korean, Chinese, Greek, Hebrew, Thai, Hindi, Georgian, Armenian), the letters that
 * tell apart the languages sharing the Cyrillic and the Arabic scripts, and stopword counts for
 * English, German, French, Spanish, Portuguese, Italian, Dutch and Indonesian. Returns null when
 * unsure; editors can always set the language by hand.
 */

const SAMPLE_CHARS = 4000;
const MIN_LETTERS = 20;
const MIN_SCRIPT_SHARE = 0.3;
const MIN_STOPWORDS = 4;
// The winner must clearly beat the runner-up: the languages share words ("de", "la", "en").
const MIN_LEAD = 1.5;

const words = (list: string): ReadonlySet<string> => new Set(list.split(" "));

export const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: words("the and of to in is that for on with as was by it at from he said this are be have has not which will an or but his they were"),
  de: words("der die und das ist nicht den von zu mit sich des auf für im dem ein eine auch es als wird bei nach sie er wie oder aber wurde sind"),
  fr: words("le la les et des est du une un que pour dans pas qui sur au avec ce il par plus sont ont mais aux son nous elle été"),
  es: words("el la los las y de que en un una es por con para no se del al lo como más pero sus su fue ha son este esta está"),
  pt: words("de que em um uma os da do dos das na no nos nas para com não por mais se como mas foi ao ele ela são seu sua também já pelo pela muito quando"),
  it: words(
    "il di che la per un una non del della è sono con le gli si da al nel anche come più ma questo questa dei delle alla nella degli stato essere hanno",
  ),
  nl: words("de het een en van in is dat op te voor met zijn niet die er aan ook als bij om door maar naar wordt dan nog wel heeft uit worden werd deze hun"),
  id: words(
    "yang dan di ini itu dengan untuk dari dalam tidak ke akan pada juga ada karena atau oleh mereka kita saya sudah bisa lebih seperti telah bahwa adalah kami para",
  ),
};

// Tested in this order: Japanese mixes kana with Han characters. A script shared by several
// languages is told apart by its letters (SHARED_SCRIPTS).
const SCRIPTS: [language: string, pattern: RegExp][] = [
  ["ja", /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["ko", /\p{Script=Hangul}/u],
  ["zh", /\p{Script=Han}/u],
  ["cyrillic", /\p{Script=Cyrillic}/u],
  ["arabic", /\p{Script=Arabic}/u],
  ["el", /\p{Script=Greek}/u],
  ["he", /\p{Script=Hebrew}/u],
  ["th", /\p{Script=Thai}/u],
  ["hi", /\p{Script=Devanagari}/u],
  ["ka", /\p{Script=Georgian}/u],
  ["hy", /\p{Script=Armenian}/u],
];

/**
 * Letters only some of a script's languages write. A language of `first` whose own letters make at
 * least MIN_OWN_LETTERS of the script's letters is it (Belarusian also writes "і", "ы" and "э",
 * Macedonian "ј", and Urdu Persian's letters, so theirs are looked for first); else the language of
 * `rest` with the most of its own letters (the first of those on a tie); else the script's commonest
 * language.
 */
type SharedScript = { fallback: string; first: [language: string, letters: string][]; rest: [language: string, letters: string][] };
const SHARED_SCRIPTS: Record<string, SharedScript> = {
  cyrillic: {
    fallback: "ru",
    first: [
      ["be", "ў"],
      ["mk", "ѓќѕ"],
    ],
    // In this order on a tie: Russian also writes "ъ", rarely.
    rest: [
      ["ru", "ыэё"],
      ["uk", "іїєґ"],
      ["sr", "ђјљњћџ"],
      ["bg", "ъ"],
    ],
  },
  arabic: {
    fallback: "ar",
    first: [
      ["ur", "ٹڈڑںے"],
      ["fa", "پچژگکی"],
    ],
    rest: [["ar", "ةيكى"]],
  },
};
const MIN_OWN_LETTERS = 0.003;

const ANY_SCRIPT = new RegExp(SCRIPTS.map(([, pattern]) => pattern.source).join("|"), "u");
const LETTER = /\p{L}/u;

// Each word, with the languages whose stopword it is; words longer than any stopword are not looked up.
const STOPWORD_LANGUAGES = new Map<string, number[]>();
Object.values(STOPWORDS).forEach((words, language) => {
  for (const word of words) STOPWORD_LANGUAGES.set(word, [...(STOPWORD_LANGUAGES.get(word) ?? []), language]);
});
const LONGEST_STOPWORD = Math.max(...[...STOPWORD_LANGUAGES.keys()].map((word) => word.length));

export function detectLanguage(paragraphs: readonly string[]): string | null {
  const sample = leadingText(paragraphs, SAMPLE_CHARS);
  // Letters and each script's characters counted in one pass, by code point.
  let letters = 0;
  const scriptCounts = SCRIPTS.map(() => 0);
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) letters++;
      continue;
    }
    const point = sample.codePointAt(i)!;
    const char = String.fromCodePoint(point);
    if (point > 0xffff) i++;
    if (LETTER.test(char)) letters++;
    if (!ANY_SCRIPT.test(char)) continue;
    SCRIPTS.forEach(([, pattern], k) => {
      if (pattern.test(char)) scriptCounts[k]++;
    });
  }
  if (letters < MIN_LETTERS) return null;
  for (let k = 0; k < SCRIPTS.length; k++) {
    const [language] = SCRIPTS[k];
    const count = scriptCounts[k];
    // Japanese mixes kana with Han characters: a modest kana share is already decisive.
    const share = language === "ja" ? count * 3 : count;
    if (share >= letters * MIN_SCRIPT_SHARE) return SHARED_SCRIPTS[language] ? languageByLetters(sample, SHARED_SCRIPTS[language], count) : language;
  }
  return latinLanguage(sample);
}

function languageByLetters(sample: string, script: SharedScript, scriptLetters: number): string {
  const text = sample.toLowerCase();
  const count = (letters: string) => {
    let n = 0;
    for (const char of text) if (letters.includes(char)) n++;
    return n;
  };
  const first = script.first.find(([, letters]) => count(letters) >= scriptLetters * MIN_OWN_LETTERS);
  if (first) return first[0];
  const counts = script.rest.map(([, letters]) => count(letters));
  const most = counts.indexOf(Math.max(...counts));
  return counts[most] > 0 ? script.rest[most][0] : script.fallback;
}

/** The first characters of the paragraphs joined by line breaks, without joining the rest. */
function leadingText(paragraphs: readonly string[], length: number): string {
  let end = 0;
  let joined = 0;
  while (end < paragraphs.length && joined < length) joined += (end > 0 ? 1 : 0) + paragraphs[end++].length;
  return paragraphs.slice(0, end).join("\n").slice(0, length);
}

/** Whether a code point belongs to a word: a letter or an apostrophe. */
function isWordPoint(point: number, char: string): boolean {
  if (point < 128) return (point >= 65 && point <= 90) || (point >= 97 && point <= 122) || point === 39;
  return LETTER.test(char);
}

function latinLanguage(sample: string): string | null {
  const languages = Object.keys(STOPWORDS);
  const counts = languages.map(() => 0);
  const text = sample.toLowerCase();
  // Words are runs of letters and apostrophes, found by code point (as a /u pattern would).
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    let inWord = false;
    let width = 1;
    if (i < text.length) {
      const code = text.charCodeAt(i);
      if (code < 128) inWord = isWordPoint(code, "");
      else {
        const point = text.codePointAt(i)!;
        if (point > 0xffff) width = 2;
        inWord = isWordPoint(point, String.fromCodePoint(point));
      }
    }
    if (inWord) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      if (i - start <= LONGEST_STOPWORD) for (const language of STOPWORD_LANGUAGES.get(text.slice(start, i)) ?? []) counts[language]++;
      start = -1;
    }
    i += width - 1;
  }
  const scores = languages.map((language, k) => [language, counts[k]] as const);
  const [best, second] = scores.sort((a, b) => b[1] - a[1]);
  return best[1] >= MIN_STOPWORDS && best[1] >= second[1] * MIN_LEAD ? best[0] : null;
}

/** Whether lines in this language are classified by its words, not by their shape alone. */
export function hasWordList(language: string): boolean {
  return Object.hasOwn(STOPWORDS, language);
}

const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** "Ukrainian (uk)" for a language code; the value as it is when it names no language (an editor typed it). */
export function languageLabel(language: string): string {
  try {
    const name = LANGUAGE_NAMES.of(language);
    return name ? `${name} (${language})` : language;
  } catch {
    return language;
  }
}
