/**
 * A small language guesser: script proportions for Chinese, Japanese, Korean and Russian, and
 * stopword counts for English, German, French and Spanish. Returns null when unsure; editors can
 * always set the language by hand.
 */

const SAMPLE_CHARS = 4000;
const MIN_LETTERS = 20;
const MIN_SCRIPT_SHARE = 0.3;
const MIN_STOPWORDS = 4;
// The winner must clearly beat the runner-up: the languages share words ("de", "la", "en").
const MIN_LEAD = 1.5;

export const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set("the and of to in is that for on with as was by it at from he said this are be have has not which will an or but his they were".split(" ")),
  de: new Set("der die und das ist nicht den von zu mit sich des auf für im dem ein eine auch es als wird bei nach sie er wie oder aber wurde sind".split(" ")),
  fr: new Set("le la les et des est du une un que pour dans pas qui sur au avec ce il par plus sont ont mais aux son nous elle été".split(" ")),
  es: new Set("el la los las y de que en un una es por con para no se del al lo como más pero sus su fue ha son este esta está".split(" ")),
};

const SCRIPTS: [language: string, pattern: RegExp][] = [
  ["ja", /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ["ko", /\p{Script=Hangul}/gu],
  ["zh", /\p{Script=Han}/gu],
  ["ru", /\p{Script=Cyrillic}/gu],
];

const LETTERS = /\p{L}/gu;
const WORD = /[\p{L}']+/gu;

export function detectLanguage(paragraphs: readonly string[]): string | null {
  const sample = paragraphs.join("\n").slice(0, SAMPLE_CHARS);
  const letters = sample.match(LETTERS)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  for (const [language, pattern] of SCRIPTS) {
    const count = sample.match(pattern)?.length ?? 0;
    // Japanese mixes kana with Han characters: a modest kana share is already decisive.
    const share = language === "ja" ? count * 3 : count;
    if (share >= letters * MIN_SCRIPT_SHARE) return language;
  }
  return latinLanguage(sample);
}

function latinLanguage(sample: string): string | null {
  const scores = Object.fromEntries(Object.keys(STOPWORDS).map((language) => [language, 0]));
  for (const [word] of sample.toLowerCase().matchAll(WORD)) {
    for (const language in STOPWORDS) {
      if (STOPWORDS[language].has(word)) scores[language]++;
    }
  }
  const [best, second] = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  return best[1] >= MIN_STOPWORDS && best[1] >= second[1] * MIN_LEAD ? best[0] : null;
}
