// A deterministic synthetic newsroom corpus: the same seed gives the same articles, entities and events.

export type Rng = () => number;

/** mulberry32: small, fast and good enough for test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

const SYLLABLES = [
  "ka",
  "lor",
  "vin",
  "mar",
  "tes",
  "sol",
  "dra",
  "nik",
  "bel",
  "or",
  "ran",
  "vel",
  "tor",
  "mi",
  "sha",
  "gor",
  "len",
  "zar",
  "pol",
  "ust",
  "ev",
  "ari",
  "dun",
  "hel",
];
const FIRST_ENDINGS = ["a", "o", "ei", "ian", "ik", "as", "en"];
const LAST_ENDINGS = ["ov", "ski", "ez", "son", "ani", "ard", "enko", "ova", "ides"];
const ORG_KINDS = [
  "Ministry of Foreign Affairs",
  "Energy Agency",
  "Security Council",
  "Trade Office",
  "Press Service",
  "Institute of Strategic Studies",
  "Union",
  "Committee",
];
const PLACE_ENDINGS = ["grad", "ville", "burg", "stan", "ia", "polis", "port"];
const OUTLETS = [
  "Daily Ledger",
  "Northern Courier",
  "Global Wire",
  "Evening Standard Post",
  "Harbor Times",
  "Capital Review",
  "Continental News",
  "Frontline Digest",
];
const EVENT_VERBS = [
  "held a telephone conversation with",
  "met",
  "opened talks with",
  "signed an agreement with",
  "issued a joint statement with",
  "rejected a proposal from",
];
const TOPICS = [
  "a ceasefire",
  "prisoner exchanges",
  "energy supplies",
  "sanctions relief",
  "grain shipments",
  "the security of a nuclear plant",
  "border crossings",
  "trade tariffs",
  "fishing quotas",
  "a pipeline route",
  "airspace closures",
  "refugee returns",
  "vaccine deliveries",
  "water rights on the river",
  "a mining concession",
  "the release of detained journalists",
  "port fees",
  "rail freight",
  "election monitoring",
  "debt restructuring",
  "cyber attacks on banks",
  "wheat prices",
  "a peacekeeping mission",
  "visa rules for students",
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
// Sentences that carry no names, combined from parts so that articles do not share them word for word.
const FILLER_SUBJECTS = [
  "Officials",
  "Analysts",
  "Diplomats familiar with the matter",
  "Critics",
  "A spokesperson",
  "Observers",
  "Opposition lawmakers",
  "Industry groups",
  "Local residents",
  "Two people briefed on the discussions",
  "Regional experts",
  "Aid organisations",
];
const FILLER_PREDICATES = [
  "declined to give further details, saying the discussions were at an early stage.",
  "cautioned that previous rounds had produced statements but few concrete results.",
  "said the talks came amid growing pressure to show progress before the summer.",
  "said both sides had agreed to keep the channel of communication open.",
  "noted that the wording of the two official readouts differed in several places.",
  "expected prices to move little after the announcement.",
  "said the process lacked transparency and called for parliamentary oversight.",
  "said another meeting could follow within weeks.",
  "warned that the timetable was unrealistic.",
  "welcomed the statement but asked for guarantees in writing.",
];
const filler = (rng: Rng) => `${pick(rng, FILLER_SUBJECTS)} ${pick(rng, FILLER_PREDICATES)}`;
const BOILERPLATE = [
  "By continuing to browse our site you agree to our use of cookies.",
  "Share this article",
  "Leave a Reply",
  "Your email address will not be published. Required fields are marked *",
  "Disclaimer: This article solely represents the author's personal views.",
];

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function word(rng: Rng, parts: number): string {
  return Array.from({ length: parts }, () => pick(rng, SYLLABLES)).join("");
}

export type CorpusEntity = { key: string; type: "PERSON" | "ORGANIZATION" | "PLACE"; name: string; aliases: string[] };
export type CorpusEvent = {
  key: string;
  title: string;
  type: "PHONE_CALL" | "MEETING" | "TALKS" | "STATEMENT" | "AGREEMENT" | "PROPOSAL";
  date: string;
  participants: string[];
};
/** `people`: keys of the two people the article is about (named in its headline and most paragraphs). */
export type CorpusArticle = { filename: string; text: string; outlet: string; publishedAt: string; eventKeys: string[]; people: string[] };

export function generateEntities(rng: Rng, count: number): CorpusEntity[] {
  const entities: CorpusEntity[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rng();
    if (roll < 0.6) {
      const first = capital(word(rng, 1) + pick(rng, FIRST_ENDINGS));
      const last = capital(word(rng, 2) + pick(rng, LAST_ENDINGS));
      // Transliteration variants, as sources spell names differently.
      const variant = last.replace(/ov$/, "off").replace(/ski$/, "sky").replace(/i$/, "y");
      entities.push({
        key: `e${i}`,
        type: "PERSON",
        name: `${first} ${last}`,
        aliases: [last, `${first[0]}. ${last}`, ...(variant !== last ? [`${first} ${variant}`] : [])],
      });
    } else if (roll < 0.85) {
      const country = `${capital(word(rng, 2))}ian`;
      const kind = pick(rng, ORG_KINDS);
      entities.push({ key: `e${i}`, type: "ORGANIZATION", name: `${country} ${kind} ${i}`, aliases: [`the ${kind} of ${country.slice(0, -3)}a ${i}`] });
    } else {
      const place = capital(word(rng, 2) + pick(rng, PLACE_ENDINGS));
      entities.push({ key: `e${i}`, type: "PLACE", name: place, aliases: [place.replace(/k/g, "c")].filter((a) => a !== place) });
    }
  }
  return entities;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function generateEvents(rng: Rng, count: number, people: CorpusEntity[]): CorpusEvent[] {
  const types = ["PHONE_CALL", "MEETING", "TALKS", "STATEMENT", "AGREEMENT", "PROPOSAL"] as const;
  return Array.from({ length: count }, (_, i) => {
    const a = pick(rng, people);
    const b = pick(rng, people);
    const type = pick(rng, types);
    return {
      key: `v${i}`,
      type,
      title: `${a.name} and ${b.name}: ${type.toLowerCase().replace("_", " ")} ${i}`,
      date: isoDate(2024 + int(rng, 0, 1), int(rng, 1, 12), int(rng, 1, 28)),
      participants: [a.key, b.key],
    };
  });
}

const typeCache = new WeakMap<CorpusEntity[], { people: CorpusEntity[]; places: CorpusEntity[] }>();

function byType(entities: CorpusEntity[]) {
  let split = typeCache.get(entities);
  if (!split) {
    split = { people: entities.filter((e) => e.type === "PERSON"), places: entities.filter((e) => e.type === "PLACE") };
    typeCache.set(entities, split);
  }
  return split;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");

/**
 * An article of 3–10 KB (or about `targetBytes`): headline, byline, dateline, paragraphs built
 * from templates naming people (by name or alias), places and dates, and boilerplate for the
 * importer to remove.
 */
export function generateArticle(
  rng: Rng,
  index: number,
  entities: CorpusEntity[],
  events: CorpusEvent[],
  options: { targetBytes?: number } = {},
): CorpusArticle {
  const { people, places } = byType(entities);
  const outlet = pick(rng, OUTLETS);
  const event = pick(rng, events);
  const [year, month, day] = event.date.split("-").map(Number) as [number, number, number];
  const publishedDay = Math.min(day + int(rng, 0, 2), 28);
  const publishedAt = isoDate(year, month, publishedDay);
  const targetBytes = options.targetBytes ?? int(rng, 3000, 10_000);
  const a = pick(rng, people);
  const b = pick(rng, people);
  // An article is about one topic; other topics come up in passing.
  const topic = pick(rng, TOPICS);
  const url = `https://www.${slug(outlet)}.example/${year}/${String(month).padStart(2, "0")}/report-${index}`;
  const lines = [
    `${a.name} and ${b.name} discuss ${topic} in report ${index}`,
    pick(rng, BOILERPLATE.slice(0, 4)),
    `By ${capital(word(rng, 1))} ${capital(word(rng, 2))}`,
    `Published: ${MONTHS[month - 1]} ${publishedDay}, ${year}`,
  ];
  let body = 0;
  while (body < targetBytes) {
    const person = rng() < 0.5 ? pick(rng, people) : a;
    const alias = rng() < 0.4 && person.aliases.length ? pick(rng, person.aliases) : person.name;
    const place = places.length ? pick(rng, places).name : "the capital";
    const paragraph = [
      `On ${MONTHS[month - 1]} ${day}, ${alias} ${pick(rng, EVENT_VERBS)} ${pick(rng, people).name} in ${place} about ${rng() < 0.7 ? topic : pick(rng, TOPICS)}.`,
      `${alias}'s office said more than ${int(rng, 2, 90) * 100} people were affected each week, while others put the figure at nearly ${int(rng, 2, 90) * 100}.`,
      filler(rng),
      filler(rng),
    ].join(" ");
    lines.push(paragraph);
    body += paragraph.length;
  }
  lines.push(`Original article: ${url}`);
  if (rng() < 0.2) lines.push(BOILERPLATE[4]!);
  return {
    filename: `bench-${String(index).padStart(6, "0")}.txt`,
    text: lines.join("\n\n"),
    outlet,
    publishedAt,
    eventKeys: [event.key],
    people: [a.key, b.key],
  };
}

// ───────────────────────────── annotations and revisions ─────────────────────────────

export type Span = { start: number; end: number };

/** Sentences of a normalized text (paragraphs separated by a blank line), as character spans. */
export function sentenceSpans(text: string): Span[] {
  return Array.from(text.matchAll(/[^\s.][^.\n]*[.]/g), (m) => ({ start: m.index, end: m.index + m[0].length })).filter((span) => span.end - span.start >= 20);
}

/** 10 on average: most articles have 3–10 annotations, one in twenty has 50–100. */
export function annotationCount(rng: Rng): number {
  return rng() < 0.05 ? int(rng, 50, 100) : int(rng, 3, 10);
}

/** Spans to annotate: whole sentences or a run of words inside one. */
export function pickAnnotationSpans(rng: Rng, text: string, count: number): Span[] {
  const sentences = sentenceSpans(text);
  if (sentences.length === 0) return [];
  return Array.from({ length: count }, () => {
    const sentence = pick(rng, sentences);
    if (rng() < 0.5) return sentence;
    const words = Array.from(text.slice(sentence.start, sentence.end).matchAll(/\S+/g), (m) => ({
      start: sentence.start + m.index,
      end: sentence.start + m.index + m[0].length,
    }));
    const first = int(rng, 0, Math.max(0, words.length - 3));
    const last = Math.min(words.length - 1, first + int(rng, 2, 8));
    return { start: words[first]!.start, end: words[last]!.end };
  });
}

/** The quantity claimed in a sentence such as "… said more than 4000 people were affected each week …". */
export function quantityIn(sentence: string): number | null {
  const match = /more than (\d+) people were affected each week/.exec(sentence);
  return match ? Number(match[1]) : null;
}

/**
 * A corrected revision of a normalized text: a new opening paragraph, one paragraph dropped,
 * and a few words changed elsewhere, so re-anchoring meets kept, moved, fuzzy and orphaned
 * annotations.
 */
export function reviseText(rng: Rng, text: string): string {
  const paragraphs = text.split("\n\n");
  const dropped = int(rng, 1, Math.max(1, paragraphs.length - 1));
  const revised = paragraphs
    .filter((_, i) => i !== dropped || paragraphs.length < 3)
    .map((paragraph) => (rng() < 0.3 ? paragraph.replace(/ people /, " residents ").replace(/ said /, " stated ") : paragraph));
  return [`Editor's note: this report was updated on ${MONTHS[int(rng, 0, 11)]} ${int(rng, 1, 28)} with corrections.`, ...revised].join("\n\n");
}
