import {
  COMMENTS_OPENING,
  heaviestRun,
  LINE_FEATURES,
  lineFeatures,
  INTRO_WORDS,
  pageLines,
  PROSE_WORDS,
  structuredUnits,
  type FeatureVector,
  type PageLines,
} from "./line-features";
import { isAdvertisementLabel } from "./boilerplate";
import model from "./line-model.json";

/**
 * Article-or-furniture for each line of a copied web page: boosted decision stumps over the
 * line's own evidence (line-features.ts), then a logistic regression over their verdicts on the
 * line and its neighbours (the smoothing over context jusText does by hand). Weights live in
 * line-model.json, rebuilt by `npm run train:import`.
 */

export interface LogisticModel {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** Boosted decision stumps: [feature, threshold, value at or below, value above], summed as log-odds. */
export interface StumpModel {
  base: number;
  stumps: [number, number, number, number][];
}

export interface LineModel {
  version: number;
  features: string[];
  context: string[];
  line: StumpModel;
  smoothing: LogisticModel;
  threshold: number;
  /** Lines whose probability is this close to the threshold are flagged for the editor. */
  unsureMargin: number;
  training: Record<string, unknown>;
}

export interface LineVerdicts {
  /** Probability that each line is article text. */
  probability: number[];
  article: boolean[];
  unsure: boolean[];
  /** First and last article line, or null when no line is article text. */
  body: { start: number; end: number } | null;
}

export const CONTEXT_FEATURES = ["line", "adjacent", "near", "wide", "before", "after", "inBlock", "distanceToBlock", "words"] as const;

export const LINE_MODEL = model as unknown as LineModel;

export function predictLogistic(m: LogisticModel, x: ArrayLike<number>): number {
  let z = m.bias;
  for (let j = 0; j < m.weights.length; j++) z += m.weights[j] * ((x[j] - m.mean[j]) / m.scale[j]);
  return 1 / (1 + Math.exp(-z));
}

const WORDS_FEATURE = LINE_FEATURES.indexOf("words");

interface CompiledStumps {
  feature: Int32Array;
  threshold: Float64Array;
  below: Float64Array;
  above: Float64Array;
}

// Each model's stumps laid out in typed arrays once: reading them is most of the first stage's time.
const compiledStumps = new WeakMap<StumpModel, CompiledStumps>();

function compileStumps(m: StumpModel): CompiledStumps {
  let compiled = compiledStumps.get(m);
  if (!compiled) {
    compiled = {
      feature: Int32Array.from(m.stumps, (stump) => stump[0]),
      threshold: Float64Array.from(m.stumps, (stump) => stump[1]),
      below: Float64Array.from(m.stumps, (stump) => stump[2]),
      above: Float64Array.from(m.stumps, (stump) => stump[3]),
    };
    compiledStumps.set(m, compiled);
  }
  return compiled;
}

export function predictStumps(m: StumpModel, x: ArrayLike<number>, compiled: CompiledStumps = compileStumps(m)): number {
  const { feature, threshold, below, above } = compiled;
  let z = m.base;
  for (let k = 0; k < feature.length; k++) z += x[feature[k]] <= threshold[k] ? below[k] : above[k];
  return 1 / (1 + Math.exp(-z));
}

/** Second-stage features: the first stage's probabilities around each line, and its length. */
export function contextFeatures(features: readonly FeatureVector[], first: readonly number[]): FeatureVector[] {
  const n = first.length;
  const windowMean = (i: number, radius: number, from = -radius, to = radius) => {
    let sum = 0;
    let count = 0;
    for (let d = from; d <= to; d++) {
      if (d === 0 || i + d < 0 || i + d >= n) continue;
      sum += first[i + d];
      count++;
    }
    return count ? sum / count : 0;
  };
  const block = likelyBlock(first);
  return first.map((p, i) => {
    const inBlock = block !== null && i >= block.start && i <= block.end;
    const distance = block === null ? n : inBlock ? 0 : i < block.start ? block.start - i : i - block.end;
    const logit = Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
    return [
      logit / 4,
      windowMean(i, 1),
      windowMean(i, 3),
      windowMean(i, 8),
      windowMean(i, 3, -3, -1),
      windowMean(i, 3, 1, 3),
      inBlock ? 1 : 0,
      Math.log1p(distance) / 4,
      features[i][WORDS_FEATURE],
    ];
  });
}

/** The run of lines where article text most outweighs furniture, by the first stage's verdicts. */
function likelyBlock(probability: readonly number[]): { start: number; end: number } | null {
  return heaviestRun(probability.map((p) => p - 0.5));
}

// A page keeping less than this many words has lost its article rather than found none:
// every page the classifier sees was copied for an article.
const MIN_BODY_WORDS = 50;

/**
 * Lines at or above the threshold; when they make too little text, the run of lines where the
 * classifier leans most towards article (relative to its best line on the page) instead.
 */
export function chooseLines(probability: readonly number[], features: readonly FeatureVector[], threshold: number): boolean[] {
  const article = probability.map((p) => p >= threshold);
  const words = (i: number) => Math.expm1(features[i][WORDS_FEATURE] * 4);
  let kept = 0;
  for (let i = 0; i < article.length; i++) if (article[i]) kept += words(i);
  if (kept >= MIN_BODY_WORDS || probability.length === 0) return article;
  const best = probability.reduce((max, p) => Math.max(max, p), 0);
  const block = likelyBlock(probability.map((p) => p / best));
  if (!block) return article;
  return probability.map((_, i) => i >= block.start && i <= block.end);
}

// Kept lines this close above or below a table or list tie it to the article.
const UNIT_CONTEXT_LINES = 3;

/**
 * A table or list (structuredUnits) is one unit: the first stage scores its rows low, since
 * they are short and unlike prose. One sitting between kept lines of the article is kept whole,
 * and so is one introduced by a line ending in ':' that is kept or reads as a sentence (kept
 * with it). Given the classifier's probabilities, the prose straight after a kept unit that the
 * classifier leans some way towards goes on with the article: the unit's short lines dragged it
 * under the threshold as they drag a table's rows.
 */
export function keepStructuredUnits(
  article: readonly boolean[],
  lines: readonly string[],
  page: PageLines = pageLines(lines),
  probability?: readonly number[],
): boolean[] {
  const result = [...article];
  const keptWithin = (from: number, to: number) => {
    for (let i = Math.max(0, from); i <= Math.min(lines.length - 1, to); i++) if (article[i]) return true;
    return false;
  };
  for (const unit of [...structuredUnits(lines, page), ...bulletedLists(lines)]) {
    let intro = -1;
    for (let i = Math.max(0, unit.start - UNIT_CONTEXT_LINES); i < unit.start; i++) {
      if (lines[i].endsWith(":") && (article[i] || page.shapes[i].words >= INTRO_WORDS)) intro = i;
    }
    const between = keptWithin(unit.start - UNIT_CONTEXT_LINES, unit.start - 1) && keptWithin(unit.end + 1, unit.end + UNIT_CONTEXT_LINES);
    if (!between && intro === -1) continue;
    // The introduction and a header row under it go with the unit.
    for (let i = intro === -1 ? unit.start : intro; i <= unit.end; i++) result[i] = true;
    if (!probability) continue;
    for (let i = unit.end + 1; i < lines.length && page.shapes[i].prose && probability[i] >= BETWEEN_PROBABILITY; i++) result[i] = true;
  }
  return result;
}

// A list item the page writes with its bullet ("• …", "- …", "* …"), as a copy keeps it where the site typed one.
const BULLET = /^[•·▪◦‣●*–-]\s+\S/u;
const MIN_LIST_ITEMS = 2;

/** Runs of bulleted lines, each a list: unlike a table's rows, its items need not hold digits. */
function bulletedLists(lines: readonly string[]): { start: number; end: number }[] {
  const lists: { start: number; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!BULLET.test(lines[i])) continue;
    let end = i;
    while (end + 1 < lines.length && BULLET.test(lines[end + 1])) end++;
    if (end - i + 1 >= MIN_LIST_ITEMS) lists.push({ start: i, end });
    i = end;
  }
  return lists;
}

// A paragraph above the article's first kept line is its opening when the classifier gives it at
// least this probability and no more than this many other lines stand between them.
const OPENING_PROBABILITY = 0.2;
const OPENING_GAP = 4;

/**
 * The article's opening paragraphs (a standfirst, the paragraph introducing a list) sit right
 * under the page's header, and the smoothing over neighbours drags them below the threshold: the
 * kept text is extended upwards over prose lines the classifier leans some way towards, across
 * gaps of a few lines that are not (share buttons, an image credit, a list's items), which stay
 * out.
 */
export function keepOpeningParagraphs(article: readonly boolean[], probability: readonly number[], page: PageLines, lines?: readonly string[]): boolean[] {
  const result = [...article];
  let first = article.indexOf(true);
  if (first === -1) return result;
  const prose = paragraphTest(article, page, lines);
  let gap = 0;
  for (let i = first - 1; i >= 0 && gap <= OPENING_GAP; i--) {
    if (!prose(i) || probability[i] < OPENING_PROBABILITY) {
      gap++;
      continue;
    }
    for (let k = i; k < first; k++) if (prose(k)) result[k] = true;
    first = i;
    gap = 0;
  }
  return result;
}

// A sentence this long is a paragraph of an article written in one-sentence paragraphs.
const SHORT_SENTENCE_WORDS = 4;
const SHORT_SENTENCE = /^["“‘(\p{Lu}].*[.!?…]["”’)]?$/u;

/**
 * Which lines read as the article's paragraphs: prose (a sentence of eight words or more), and on
 * a page whose kept lines are mostly shorter (an article told in one-sentence paragraphs), any
 * whole sentence of four words or more.
 */
function paragraphTest(article: readonly boolean[], page: PageLines, lines?: readonly string[]): (i: number) => boolean {
  const { shapes } = page;
  const kept = shapes
    .filter((_, i) => article[i])
    .map((shape) => shape.words)
    .sort((a, b) => a - b);
  const shortBody = lines !== undefined && kept.length > 0 && kept[Math.floor(kept.length / 2)] < PROSE_WORDS;
  if (!shortBody) return (i) => shapes[i].prose;
  return (i) => shapes[i].prose || (shapes[i].words >= SHORT_SENTENCE_WORDS && SHORT_SENTENCE.test(lines[i].trim()));
}

/**
 * The closing sentences of an article told in one-sentence paragraphs: its last short lines read
 * like furniture to the classifier as the footer nears. Whole sentences straight after the last
 * kept line that the classifier leans some way towards are kept; on other pages nothing is (a
 * closing paragraph there is as often an author's note or a reader's comment).
 */
export function keepClosingSentences(article: readonly boolean[], probability: readonly number[], page: PageLines, lines: readonly string[]): boolean[] {
  const result = [...article];
  const last = article.lastIndexOf(true);
  if (last === -1) return result;
  const prose = paragraphTest(article, page, lines);
  for (let i = last + 1; i < lines.length && !page.shapes[i].prose && prose(i) && probability[i] >= BETWEEN_PROBABILITY; i++) result[i] = true;
  return result;
}

// A prose line between two kept lines at most this many lines apart is the article's when the classifier gives it this probability.
const BETWEEN_PROBABILITY = 0.3;
const MAX_BETWEEN_GAP = 12;

/**
 * Paragraphs that an article's interruptions (an advertisement, a related link, an embedded
 * widget) dragged under the threshold, since the classifier smooths over neighbours: prose it
 * leans some way towards, between kept lines of the article, is kept. Not across a longer gap,
 * which parts the article from kept lines further down (a reader's comment that reads like prose).
 */
export function keepParagraphsBetween(article: readonly boolean[], probability: readonly number[], page: PageLines): boolean[] {
  const result = [...article];
  let previous = article.indexOf(true);
  for (let next = previous + 1; next < article.length && previous !== -1; next++) {
    if (!article[next]) continue;
    if (next - previous - 1 <= MAX_BETWEEN_GAP) {
      for (let i = previous + 1; i < next; i++) if (page.shapes[i].prose && probability[i] >= BETWEEN_PROBABILITY) result[i] = true;
    }
    previous = next;
  }
  return result;
}

// Article words kept above a comments heading that make it the end of the article, not a menu
// item or a teaser's counter above it.
const WORDS_BEFORE_COMMENTS = 100;

/**
 * Readers' comments follow the article: once a comments heading ("12 Comments", "[ 167 comments ]",
 * "Join the conversation") follows enough kept article text, nothing after it is kept. The
 * classifier judges comment lines one by one, and long ones read like prose.
 */
export function endAtComments(article: readonly boolean[], lines: readonly string[], page: PageLines = pageLines(lines)): boolean[] {
  const { shapes } = page;
  let words = 0;
  for (let i = 0; i < lines.length; i++) {
    if (words >= WORDS_BEFORE_COMMENTS && isCommentsHeading(lines[i])) {
      // A comment counter in the article's header sits right above its first kept paragraph.
      const articleFollows = i + 1 < lines.length && article[i + 1] && shapes[i + 1].prose;
      if (!articleFollows) return article.map((kept, k) => kept && k < i);
    }
    if (article[i] && words < WORDS_BEFORE_COMMENTS) words += shapes[i].words;
  }
  return [...article];
}

// Every comments heading holds one of these words; taking out brackets and spaces joins no letters.
const COMMENTS_WORD = /comment|respons|repl|reaction|discussion|conversation/i;

/** "12 Comments", also in brackets as pages print counters ("[ 167 comments ]", "(42) Comments"). */
function isCommentsHeading(text: string): boolean {
  if (!COMMENTS_WORD.test(text)) return false;
  return COMMENTS_OPENING.test(
    text
      .replace(/[[\]()]/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

// "Most read", "Most popular stories", "Les plus lus", "Up next": a list of the site's other stories, never the article's.
const MOST_READ_HEADING =
  /^(?:next\s+up|up\s+next|read\s+next|what\s+to\s+read\s+next|(?:the\s+)?most\s+(?:read|popular|viewed|shared|commented|emailed)|les\s+plus\s+(?:lus|populaires|partagés)|(?:lo\s+)?más\s+(?:leíd[oa]s|visto)|(?:as\s+|os\s+)?mais\s+(?:lid[oa]s|vist[oa]s)|meistgelesen|(?:i\s+)?più\s+lett[ie]|meest\s+gelezen|terpopuler)(?![\p{L}\p{N}])(?:\s+\S+){0,3}$/iu;
// A list of most read stories holds a handful of teasers.
const MOST_READ_ITEMS = 12;

/**
 * A list of the site's most read stories after the article: its teasers (a title with its blurb)
 * read like prose, but once the article is under way a "Most read" heading opens the list, and its
 * items, up to the first line the classifier removed, are not the article.
 */
export function dropMostRead(article: readonly boolean[], lines: readonly string[], page: PageLines): boolean[] {
  const result = [...article];
  let words = 0;
  for (let i = 0; i < lines.length; i++) {
    if (words >= WORDS_BEFORE_COMMENTS && MOST_READ_HEADING.test(lines[i].trim())) {
      result[i] = false;
      for (let k = i + 1; k < lines.length && k <= i + MOST_READ_ITEMS && article[k]; k++) result[k] = false;
    }
    if (article[i]) words += page.shapes[i].words;
  }
  return result;
}

// A slide's counter opening its caption line ("7/50 Pubs get protected", "3 of 12").
const SLIDE_COUNTER = /^(\d{1,3})\s*(?:\/|of)\s*(\d{1,3})(?!\d)(?![/.:]\d)/i;
// Counters of one gallery, in order, that make it one, each within a few lines of the one before.
const MIN_SLIDES = 3;
const SLIDE_GAP = 10;
// Short lines over the first slide that go with it: the gallery's title, a "show all" button.
const GALLERY_HEADING_LINES = 3;

/**
 * A gallery's slides ("1/50 United go down", its caption, its credit; "2/50 …") are not the
 * article, however much prose their captions hold: from the first counter of a run counting up to
 * one total (and the gallery's title over it) to the caption under the last, nothing is kept.
 */
export function dropGallery(article: readonly boolean[], lines: readonly string[], page: PageLines): boolean[] {
  const result = [...article];
  const counters = lines.map((line) => SLIDE_COUNTER.exec(line.trim())).map((m) => (m ? { slide: Number(m[1]), of: Number(m[2]) } : null));
  for (let i = 0; i < lines.length; i++) {
    const first = counters[i];
    if (!first || first.slide < 1 || first.slide > first.of) continue;
    let last = i;
    let slides = 1;
    for (let j = i + 1; j < lines.length && j - last <= SLIDE_GAP; j++) {
      const next = counters[j];
      if (!next || next.of !== first.of) continue;
      if (next.slide <= (counters[last]?.slide ?? 0)) break;
      last = j;
      slides++;
    }
    if (slides < MIN_SLIDES) continue;
    let start = i;
    while (start > 0 && i - start < GALLERY_HEADING_LINES && !page.shapes[start - 1].prose) start--;
    let end = last + 1;
    while (end < lines.length && !page.shapes[end].prose) end++;
    for (let k = start; k <= Math.min(end, lines.length - 1); k++) result[k] = false;
    i = end;
  }
  return result;
}

/** The lines kept as the article: the classifier's choice, then the rules over whole units, the opening, the paragraphs between, the closing sentences, a gallery's slides, a list of most read stories and the comments. Training scores the same. */
export function chooseArticleLines(
  probability: readonly number[],
  features: readonly FeatureVector[],
  threshold: number,
  lines: readonly string[],
  page: PageLines,
): boolean[] {
  const chosen = keepStructuredUnits(chooseLines(probability, features, threshold), lines, page, probability);
  const opened = keepOpeningParagraphs(chosen, probability, page, lines);
  const between = keepClosingSentences(keepParagraphsBetween(opened, probability, page), probability, page, lines);
  return endAtComments(dropMostRead(dropGallery(between, lines, page), lines, page), lines, page);
}

/**
 * The classifier's verdicts on a page, its advertisements' labels left out before the lines are
 * weighed (never article): a label between every two paragraphs parts the article into runs of one
 * line, which the classifier, weighing each line with its neighbours, takes for furniture. The model
 * is trained on pages without them alike (benchmark/train.ts).
 */
export function classifyPageLines(lines: readonly string[], language: string | null, m: LineModel = LINE_MODEL): LineVerdicts {
  const shown = withoutAdvertisementLabels(lines);
  if (shown.length === lines.length) return classifyShownLines(lines, language, m);
  const verdicts = classifyShownLines(
    shown.map((i) => lines[i]),
    language,
    m,
  );
  const probability = new Array<number>(lines.length).fill(0);
  const article = new Array<boolean>(lines.length).fill(false);
  const unsure = new Array<boolean>(lines.length).fill(false);
  shown.forEach((i, k) => {
    probability[i] = verdicts.probability[k];
    article[i] = verdicts.article[k];
    unsure[i] = verdicts.unsure[k];
  });
  const body = verdicts.body && { start: shown[verdicts.body.start], end: shown[verdicts.body.end] };
  return { probability, article, unsure, body };
}

/** The indices of the lines that are not an advertisement's label. */
function withoutAdvertisementLabels(lines: readonly string[]): number[] {
  const shown: number[] = [];
  for (let i = 0; i < lines.length; i++) if (!isAdvertisementLabel(lines[i])) shown.push(i);
  return shown;
}

function classifyShownLines(lines: readonly string[], language: string | null, m: LineModel): LineVerdicts {
  // Checked on use rather than on loading, so that the trainer can load this module to rebuild a stale model.
  if (m.features.join() !== LINE_FEATURES.join() || m.context.join() !== CONTEXT_FEATURES.join()) {
    throw new Error("line-model.json was trained on other features: run npm run train:import.");
  }
  const page = pageLines(lines);
  const features = lineFeatures(lines, language, page);
  const stumps = compileStumps(m.line);
  const first = features.map((x) => predictStumps(m.line, x, stumps));
  const probability = contextFeatures(features, first).map((x) => predictLogistic(m.smoothing, x));
  const article = chooseArticleLines(probability, features, m.threshold, lines, page);
  const unsure = probability.map((p) => Math.abs(p - m.threshold) < m.unsureMargin);
  const start = article.indexOf(true);
  return { probability, article, unsure, body: start === -1 ? null : { start, end: article.lastIndexOf(true) } };
}
