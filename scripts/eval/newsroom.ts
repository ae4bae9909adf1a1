/**
 * A synthetic newsroom whose truth is known, for measuring the proposal engine: a world of
 * fictional officials from real countries holding calls, meetings, talks, visits, agreements,
 * prisoner exchanges and statements; several outlets reporting each happening in their own
 * words, with their own dates (relative, absolute, counted from another happening, sometimes
 * wrong), figures and spellings; background mentions of other happenings, hypothetical ones
 * that did not happen, filler, and articles without a date. Every article records which
 * happenings it mentions (with the span of the words naming them and the date its words allow)
 * and the claims it makes. Deterministic for a seed. The phrasing is written independently of
 * the engine's rules and includes forms the engine may not read.
 */
import type { ClaimValue, NumberValue } from "@/lib/contradictions/claim-values";
import type { RegistryEntity } from "@/lib/proposals/types";
import type { HappeningKind } from "@/lib/proposals/vocabulary";
import { createRng, type Rng } from "../bench/corpus";

// ---------------------------------------------------------------------------
// The world
// ---------------------------------------------------------------------------

interface Country {
  name: string;
  demonym: string;
  capital: string;
  zone: string;
}

interface Person {
  id: string;
  first: string[];
  last: string[];
  role: string;
  country: Country;
}

const COUNTRIES: Country[] = [
  { name: "Norway", demonym: "Norwegian", capital: "Oslo", zone: "Europe/Oslo" },
  { name: "Finland", demonym: "Finnish", capital: "Helsinki", zone: "Europe/Helsinki" },
  { name: "Brazil", demonym: "Brazilian", capital: "Brasília", zone: "America/Sao_Paulo" },
  { name: "Kenya", demonym: "Kenyan", capital: "Nairobi", zone: "Africa/Nairobi" },
  { name: "India", demonym: "Indian", capital: "New Delhi", zone: "Asia/Kolkata" },
  { name: "Japan", demonym: "Japanese", capital: "Tokyo", zone: "Asia/Tokyo" },
  { name: "Turkey", demonym: "Turkish", capital: "Ankara", zone: "Europe/Istanbul" },
  { name: "Egypt", demonym: "Egyptian", capital: "Cairo", zone: "Africa/Cairo" },
  { name: "Poland", demonym: "Polish", capital: "Warsaw", zone: "Europe/Warsaw" },
  { name: "Canada", demonym: "Canadian", capital: "Ottawa", zone: "America/Toronto" },
  { name: "Chile", demonym: "Chilean", capital: "Santiago", zone: "America/Santiago" },
  { name: "Indonesia", demonym: "Indonesian", capital: "Jakarta", zone: "Asia/Jakarta" },
];
const country = (name: string) => COUNTRIES.find((c) => c.name === name)!;

/** Spelling variants: the first is the registry's; transliterations and typos follow. */
const PEOPLE: Person[] = [
  { id: "p-haugland", first: ["Ingrid"], last: ["Haugland"], role: "Prime Minister", country: country("Norway") },
  { id: "p-engebretsen", first: ["Lars"], last: ["Engebretsen", "Engebretson"], role: "Foreign Minister", country: country("Norway") },
  { id: "p-virtanen", first: ["Aino"], last: ["Virtanen"], role: "President", country: country("Finland") },
  { id: "p-laaksonen", first: ["Mikko"], last: ["Laaksonen", "Laksonen"], role: "Foreign Minister", country: country("Finland") },
  { id: "p-moreira", first: ["Rafael"], last: ["Moreira"], role: "President", country: country("Brazil") },
  { id: "p-mwangi", first: ["Daniel"], last: ["Mwangi", "Mwangui"], role: "President", country: country("Kenya") },
  { id: "p-wanjiru", first: ["Grace"], last: ["Wanjiru", "Wanjiku"], role: "Foreign Minister", country: country("Kenya") },
  { id: "p-mehta", first: ["Arjun"], last: ["Mehta"], role: "Prime Minister", country: country("India") },
  { id: "p-takahashi", first: ["Kenji"], last: ["Takahashi", "Takahasi"], role: "Prime Minister", country: country("Japan") },
  { id: "p-aydin", first: ["Emre"], last: ["Aydın", "Aydin"], role: "President", country: country("Turkey") },
  { id: "p-kaya", first: ["Selin"], last: ["Kaya"], role: "Foreign Minister", country: country("Turkey") },
  { id: "p-farouk", first: ["Omar"], last: ["Farouk", "Faruq", "Farouq"], role: "President", country: country("Egypt") },
  { id: "p-wisniewski", first: ["Tomasz"], last: ["Wiśniewski", "Wisniewski"], role: "President", country: country("Poland") },
  { id: "p-nowak", first: ["Agnieszka"], last: ["Nowakowska", "Nowakowska"], role: "Foreign Minister", country: country("Poland") },
  { id: "p-dubois", first: ["Claire"], last: ["Dubois"], role: "Prime Minister", country: country("Canada") },
  { id: "p-rojas", first: ["Valentina"], last: ["Rojas"], role: "President", country: country("Chile") },
  { id: "p-santoso", first: ["Budi"], last: ["Santoso", "Santosa"], role: "President", country: country("Indonesia") },
  { id: "p-sokolov", first: ["Viktor", "Victor"], last: ["Sokolov", "Sokoloff", "Sokolow"], role: "special envoy", country: country("Poland") },
  { id: "p-orlov", first: ["Yevgeny", "Evgeny", "Yevgeniy"], last: ["Orlov"], role: "chief negotiator", country: country("Finland") },
];
const EXPERTS = [
  "Jonas Lindqvist, an analyst at the Nordic Policy Institute,",
  "Amara Okafor, a professor of international relations,",
  "Hiroshi Tanaka of the Pacific Forum",
  "Lucía Fernández, a former ambassador,",
];
const VENUES = ["Geneva", "Vienna", "Doha", "Singapore", "Reykjavik", "Lisbon", "Nairobi", "Oslo", "Helsinki", "Ankara", "Jakarta", "Cairo"];
const TOPICS = [
  "grain shipments",
  "fishing rights",
  "a ceasefire in the border region",
  "energy prices",
  "visa rules",
  "rail freight",
  "debt relief",
  "port fees",
  "a joint space programme",
  "water sharing",
];
const OUTLETS = [
  "The Northern Ledger",
  "Harbor Times",
  "Daily Meridian",
  "Capital Wire",
  "Coastline Post",
  "Global Courier",
  "Metro Dispatch",
  "The Continental",
  "Atlas Radio",
  "Evening Tribune",
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Rng, p: number) => rng() < p;

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
const isoOf = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const addDays = (iso: string, n: number) => isoOf(dayOf(iso) + n);
const monthName = (iso: string) => MONTHS[Number(iso.slice(5, 7)) - 1];
const dayNumber = (iso: string) => Number(iso.slice(8, 10));
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

// ---------------------------------------------------------------------------
// Happenings
// ---------------------------------------------------------------------------

export interface WorldEvent {
  id: string;
  kind: HappeningKind;
  date: string;
  /** Local time and its zone, for some calls and meetings. */
  time?: { hour: number; minute: number; zone: string; zoneWords: string };
  persons: Person[];
  countries: Country[];
  place: string | null;
  durationHours?: number;
  perSide?: number;
  initiator?: Person;
  topic: string;
  /** A happening this one follows the next day ("the day after the Geneva talks"). */
  after?: string;
}

const START = "2030-03-04";
const DAYS = 120;

function twoPersons(rng: Rng, pool: Person[]): [Person, Person] {
  const a = pick(rng, pool);
  const others = pool.filter((p) => p.country !== a.country);
  return [a, pick(rng, others)];
}

function buildWorld(rng: Rng, count: number): WorldEvent[] {
  const events: WorldEvent[] = [];
  const leaders = PEOPLE.filter((p) => !/minister$|envoy|negotiator/i.test(p.role) || /Prime/.test(p.role));
  const kinds: HappeningKind[] = [
    "phone_call",
    "phone_call",
    "phone_call",
    "meeting",
    "meeting",
    "talks",
    "talks",
    "visit",
    "agreement",
    "exchange",
    "statement",
  ];
  for (let i = 0; i < count; i++) {
    const kind = pick(rng, kinds);
    const date = addDays(START, int(rng, 0, DAYS));
    const [a, b] = twoPersons(rng, kind === "phone_call" && chance(rng, 0.6) ? leaders : PEOPLE);
    const id = `ev${String(i + 1).padStart(3, "0")}`;
    const topic = pick(rng, TOPICS);
    const base: WorldEvent = { id, kind, date, persons: [a, b], countries: [a.country, b.country], place: null, topic };
    if (kind === "phone_call") {
      base.durationHours = pick(rng, [0.5, 0.75, 1, 1.5, 2, 2.5]);
      base.initiator = chance(rng, 0.5) ? a : b;
      if (chance(rng, 0.35)) base.time = { hour: int(rng, 8, 18), minute: pick(rng, [0, 0, 30, 15]), zone: "UTC", zoneWords: "GMT" };
    }
    if (kind === "meeting" || kind === "talks" || kind === "agreement") {
      base.place = pick(
        rng,
        VENUES.filter((v) => v !== a.country.capital && v !== b.country.capital),
      );
      base.durationHours = kind === "agreement" ? undefined : pick(rng, [1, 2, 3, 4, 6, 8]);
    }
    if (kind === "visit") {
      base.place = b.country.capital;
      base.persons = [a, b];
    }
    if (kind === "exchange") base.perSide = pick(rng, [84, 150, 205, 307, 390, 1000]);
    if (kind === "statement") base.persons = [a];
    events.push(base);
    // Some happenings come in pairs: a call the day after talks, reported as "the day after the <place> talks".
    if (kind === "talks" && chance(rng, 0.5)) {
      const [c, d] = [
        pick(
          rng,
          PEOPLE.filter((p) => p.country === a.country),
        ),
        pick(
          rng,
          PEOPLE.filter((p) => p.country === b.country),
        ),
      ];
      events.push({
        id: `${id}b`,
        kind: "phone_call",
        date: addDays(date, 1),
        persons: [c, d],
        countries: [c.country, d.country],
        place: null,
        topic,
        durationHours: pick(rng, [0.5, 1, 1.5]),
        initiator: c,
        after: id,
      });
    }
    // And the same two people speak again weeks later: a different happening.
    if (kind === "phone_call" && chance(rng, 0.3)) {
      events.push({ ...base, id: `${id}r`, date: addDays(date, int(rng, 12, 40)), time: undefined, durationHours: pick(rng, [0.5, 1, 2]), initiator: b });
    }
  }
  return events.sort((x, y) => x.date.localeCompare(y.date));
}

// ---------------------------------------------------------------------------
// Truth
// ---------------------------------------------------------------------------

export interface TruthMention {
  event: string;
  kind: HappeningKind;
  start: number;
  end: number;
  /** What the article's words allow: a day (YYYY-MM-DD), a month, a week (the Monday), or nothing. */
  date: string | null;
  precision: "day" | "month" | "week" | null;
  planned: boolean;
}

export interface TruthClaim {
  event: string;
  attribute: string;
  value: ClaimValue;
}

export interface GeneratedArticle {
  id: string;
  outlet: string;
  publishedAt: string | null;
  text: string;
  mentions: TruthMention[];
  claims: TruthClaim[];
}

export interface Newsroom {
  events: WorldEvent[];
  articles: GeneratedArticle[];
  registry: RegistryEntity[];
  /** A person's id → their country's id: "the Canadian side" and the Canadian prime minister initiate alike. */
  countryOf: Record<string, string>;
  /** The registry with every spelling the articles use, for scoring claims that name parties the registry does not know. */
  truthEntities: RegistryEntity[];
}

class Writer {
  text = "";
  mentions: TruthMention[] = [];
  claims: TruthClaim[] = [];

  add(s: string): this {
    this.text += s;
    return this;
  }

  mark(s: string, mention: Omit<TruthMention, "start" | "end">): this {
    this.mentions.push({ ...mention, start: this.text.length, end: this.text.length + s.length });
    return this.add(s);
  }

  claim(event: string, attribute: string, value: ClaimValue): this {
    this.claims.push({ event, attribute, value });
    return this;
  }

  paragraph(): this {
    if (this.text && !this.text.endsWith("\n\n")) this.text = `${this.text.trimEnd()}\n\n`;
    return this;
  }
}

// ---------------------------------------------------------------------------
// Words for names, dates, figures
// ---------------------------------------------------------------------------

interface Voice {
  rng: Rng;
  /** Spelling this outlet uses for each person. */
  spelling: Map<string, { first: string; last: string }>;
  introduced: Set<string>;
  publishedAt: string | null;
}

function spell(v: Voice, p: Person): { first: string; last: string } {
  let s = v.spelling.get(p.id);
  if (!s) {
    s = { first: pick(v.rng, p.first), last: pick(v.rng, p.last) };
    v.spelling.set(p.id, s);
  }
  return s;
}

/** "Finnish Foreign Minister Mikko Laaksonen" the first time, "Laaksonen" afterwards. */
function nameOf(v: Voice, p: Person): string {
  const s = spell(v, p);
  if (v.introduced.has(p.id)) return s.last;
  v.introduced.add(p.id);
  return pick(v.rng, [`${p.country.demonym} ${p.role} ${s.first} ${s.last}`, `${p.role} ${s.first} ${s.last} of ${p.country.name}`, `${s.first} ${s.last}`]);
}

interface DatePhrase {
  words: string;
  truth: string | null;
  precision: TruthMention["precision"];
}

/** How an outlet writes a date relative to its publication date, and what those words allow a reader to know. */
function datePhrase(v: Voice, date: string, planned: boolean): DatePhrase {
  const rng = v.rng;
  const pub = v.publishedAt;
  const absolute = (withYear: boolean): DatePhrase => {
    const style = int(rng, 0, 2);
    const d =
      style === 0
        ? `${monthName(date)} ${dayNumber(date)}`
        : style === 1
          ? `${dayNumber(date)} ${monthName(date)}`
          : `${WEEKDAYS[weekdayOf(date)]}, ${monthName(date)} ${dayNumber(date)}`;
    const year = withYear ? (style === 1 ? ` ${date.slice(0, 4)}` : `, ${date.slice(0, 4)}`) : "";
    const resolvable = withYear || pub !== null;
    return { words: `on ${d}${year}`, truth: resolvable ? date : null, precision: resolvable ? "day" : null };
  };
  if (!pub)
    return chance(rng, 0.5)
      ? absolute(true)
      : chance(rng, 0.5)
        ? absolute(false)
        : { words: pick(rng, ["on Tuesday", "last week", "yesterday", "on the 14th"]), truth: null, precision: null };
  const gap = dayOf(date) - dayOf(pub);
  const options: (() => DatePhrase)[] = [() => absolute(false), () => absolute(chance(rng, 0.3))];
  if (gap === 0) options.push(() => ({ words: pick(rng, ["today", `on ${WEEKDAYS[weekdayOf(date)]}`]), truth: date, precision: "day" }));
  if (gap === -1) options.push(() => ({ words: "yesterday", truth: date, precision: "day" }));
  if (gap === 1) options.push(() => ({ words: "tomorrow", truth: date, precision: "day" }));
  if (gap < 0 && gap >= -6 && !planned)
    options.push(
      () => ({ words: `on ${WEEKDAYS[weekdayOf(date)]}`, truth: date, precision: "day" }),
      () => ({ words: WEEKDAYS[weekdayOf(date)], truth: date, precision: "day" }),
    );
  if (gap > 0 && gap <= 6 && planned) options.push(() => ({ words: `on ${WEEKDAYS[weekdayOf(date)]}`, truth: date, precision: "day" }));
  if (gap < 0 && gap > -25 && !planned && dayNumber(date) < dayNumber(pub))
    options.push(() => ({ words: `on the ${ordinal(dayNumber(date))}`, truth: date, precision: "day" }));
  const pubMonday = dayOf(pub) - ((weekdayOf(pub) + 6) % 7);
  if (!planned && dayOf(date) >= pubMonday - 7 && dayOf(date) < pubMonday)
    options.push(() => ({ words: "last week", truth: isoOf(pubMonday - 7), precision: "week" }));
  return pick(rng, options)();
}

function hoursWords(rng: Rng, hours: number): { words: string; value: NumberValue } {
  const exact = (words: string): { words: string; value: NumberValue } => ({ words, value: { type: "number", value: hours, unit: "h", qualifier: "exact" } });
  const minutes = Math.round(hours * 60);
  const options: (() => { words: string; value: NumberValue })[] = [
    () => ({
      words: `about ${hours >= 1 && Number.isInteger(hours) ? (NUMBER_WORDS[hours] ?? hours) : minutes} ${hours >= 1 && Number.isInteger(hours) ? (hours === 1 ? "hour" : "hours") : "minutes"}`,
      value: { type: "number", value: hours, unit: "h", qualifier: "about" },
    }),
    () => (hours >= 1 && Number.isInteger(hours) ? exact(`${NUMBER_WORDS[hours] ?? hours} ${hours === 1 ? "hour" : "hours"}`) : exact(`${minutes} minutes`)),
    () =>
      hours > 1
        ? {
            words: `more than ${NUMBER_WORDS[Math.ceil(hours) - 1] ?? Math.ceil(hours) - 1} ${Math.ceil(hours) - 1 === 1 ? "hour" : "hours"}`,
            value: { type: "number", value: Math.ceil(hours) - 1, unit: "h", qualifier: "more_than" },
          }
        : hours < 1
          ? { words: `less than an hour`, value: { type: "number", value: 1, unit: "h", qualifier: "less_than" } }
          : { words: "less than two hours", value: { type: "number", value: 2, unit: "h", qualifier: "less_than" } },
    () =>
      Number.isInteger(hours) && hours >= 2
        ? { words: `nearly ${NUMBER_WORDS[hours] ?? hours} hours`, value: { type: "number", value: hours, unit: "h", qualifier: "nearly" } }
        : exact(`${minutes} minutes`),
  ];
  return pick(rng, options)();
}

/** A duration that cannot be the true one: half or twice as long, stated plainly. */
function wrongHours(rng: Rng, hours: number): { words: string; value: NumberValue } {
  const wrong = chance(rng, 0.5) ? hours * 2 + 1 : Math.max(0.25, hours / 3);
  const minutes = Math.round(wrong * 60);
  return wrong >= 1 && Number.isInteger(wrong)
    ? { words: `${NUMBER_WORDS[wrong] ?? wrong} hours`, value: { type: "number", value: wrong, unit: "h", qualifier: "exact" } }
    : { words: `${minutes} minutes`, value: { type: "number", value: Math.round((minutes / 60) * 1000) / 1000, unit: "h", qualifier: "exact" } };
}

const thousands = (n: number) => n.toLocaleString("en-US");

// ---------------------------------------------------------------------------
// Sentences about one happening
// ---------------------------------------------------------------------------

/** What one outlet says about a happening: its own date and figures, right or wrong. */
interface Account {
  event: WorldEvent;
  date: string;
  hours?: { words: string; value: NumberValue };
  perSide?: number;
  place: string | null;
  planned: boolean;
}

function leadSentence(w: Writer, v: Voice, acc: Account): void {
  const { event: e, planned } = acc;
  const rng = v.rng;
  const d = datePhrase(v, acc.date, planned);
  const [a, b] = e.persons;
  const an = () => nameOf(v, a);
  const bn = () => nameOf(v, b);
  const mention = { event: e.id, kind: e.kind, date: d.truth, precision: d.precision, planned };
  const dateClaim = () => d.truth && d.precision === "day" && w.claim(e.id, "date", { type: "date", localDate: d.truth, precision: "day" });
  const lead = (before: string, marked: string, after: string) => {
    w.add(before).mark(marked, mention).add(after);
    dateClaim();
    // The sentence states the parties, also those after the marked words ("arrived in Nairobi for talks with Y").
    const sentence = marked + after;
    const persons = e.persons.filter((p) => sentence.includes(spell(v, p).last));
    const countries = e.countries.filter((c) => sentence.includes(c.name) || sentence.includes(c.demonym));
    if (persons.length >= 2) w.claim(e.id, "participants", { type: "entities", ids: persons.map((p) => p.id) });
    else if (countries.length >= 2) w.claim(e.id, "participants", { type: "entities", ids: countries.map((c) => `c-${c.name.toLowerCase()}`) });
  };
  const D = d.words;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const X = e.countries[0];
  const Y = e.countries[1];
  const place = acc.place;
  if (place) w.claim(e.id, "place", { type: "text", text: place });
  switch (e.kind) {
    case "phone_call":
      if (planned) {
        pick(rng, [
          () => lead("", `${an()} will speak by phone with ${bn()} ${D}`, `, officials said. `),
          () => lead("", `${an()} is expected to call ${bn()} ${D}`, `, according to a government schedule. `),
          () => lead("A ", `telephone conversation between ${an()} and ${bn()} is scheduled for ${D.replace(/^on /, "")}`, `. `),
          () => lead("", `${an()} plans to hold a phone call with ${bn()} ${D}`, ` to discuss ${e.topic}. `),
        ])();
      } else {
        pick(rng, [
          () => lead("", `${an()} and ${bn()} spoke by phone ${D}`, `, discussing ${e.topic}. `),
          () => lead("", `${an()} held a telephone conversation with ${bn()} ${D}`, `, the two governments said. `),
          () => {
            const [caller, called] = e.initiator === b ? [b, a] : [a, b];
            lead(`${cap(D)}, `, `${nameOf(v, caller)} phoned ${nameOf(v, called)}`, ` to discuss ${e.topic}. `);
            w.claim(e.id, "initiator", { type: "entities", ids: [caller.id] });
          },
          () => lead("In a ", `phone call ${D}, ${an()} and ${bn()} discussed ${e.topic}`, `. `),
          () => {
            const [caller, called] = e.initiator === b ? [b, a] : [a, b];
            lead("", `${nameOf(v, caller)} called ${nameOf(v, called)} ${D}`, `, according to a readout from ${caller.country.name}. `);
            w.claim(e.id, "initiator", { type: "entities", ids: [caller.id] });
          },
          () => lead("", `${an()} and ${bn()} held a video call ${D}`, `. `),
          () => lead("", `${an()} talked with ${bn()} by telephone ${D}`, `, officials in both capitals confirmed. `),
        ])();
      }
      break;
    case "meeting":
      if (planned) {
        pick(rng, [
          () => lead("", `${an()} will meet ${bn()} in ${place} ${D}`, `. `),
          () => lead("", `${an()} is due to meet ${bn()} in ${place} ${D}`, `, diplomats said. `),
          () => lead("A ", `meeting between ${an()} and ${bn()} is planned in ${place} ${D}`, `. `),
        ])();
      } else {
        pick(rng, [
          () => lead("", `${an()} met ${bn()} in ${place} ${D}`, `. `),
          () => lead("", `${an()} and ${bn()} met in ${place} ${D}`, ` to discuss ${e.topic}. `),
          () => lead(`${cap(D)}, `, `${an()} held a meeting with ${bn()} in ${place}`, `. `),
          () => lead("", `${an()} hosted ${bn()} for talks in ${place} ${D}`, `. `),
          () => lead("", `${an()} sat down with ${bn()} on the sidelines of a summit in ${place} ${D}`, `. `),
        ])();
      }
      break;
    case "talks":
      if (planned) {
        pick(rng, [
          () => lead("", `${X.name} and ${Y.name} will hold talks in ${place} ${D}`, ` on ${e.topic}. `),
          () => lead("", `Negotiators from ${X.name} and ${Y.name} are set to meet in ${place} ${D}`, `. `),
        ])();
      } else {
        pick(rng, [
          () => lead("", `Delegations from ${X.name} and ${Y.name} held talks in ${place} ${D}`, ` on ${e.topic}. `),
          () => lead("", `${X.demonym} and ${Y.demonym} negotiators met in ${place} ${D}`, ` for talks on ${e.topic}. `),
          () => lead(`${cap(D)}, `, `talks between ${X.name} and ${Y.name} on ${e.topic} opened in ${place}`, `. `),
          () => lead("", `${X.name} and ${Y.name} concluded a round of negotiations in ${place} ${D}`, `. `),
        ])();
      }
      w.add(`The ${X.demonym} delegation was led by ${an()}. `);
      break;
    case "visit":
      if (planned) {
        pick(rng, [
          () => lead("", `${an()} will visit ${place} ${D}`, ` for talks with ${bn()}. `),
          () => lead("", `${an()} is set to travel to ${place} ${D}`, `, where ${bn()} will receive him. `),
        ])();
      } else {
        pick(rng, [
          () => lead("", `${an()} visited ${place} ${D}`, `, meeting ${bn()}. `),
          () => lead("", `${an()} arrived in ${place} ${D}`, ` for talks with ${bn()}. `),
          () => lead("During a ", `visit to ${place} ${D}, ${an()} met ${bn()}`, `. `),
        ])();
      }
      break;
    case "agreement":
      pick(rng, [
        () => lead("", `${X.name} and ${Y.name} signed an agreement on ${e.topic} in ${place} ${D}`, `. `),
        () => lead("", `${an()} and ${bn()} signed a deal on ${e.topic} in ${place} ${D}`, `. `),
        () => lead("An ", `accord on ${e.topic} was signed by ${an()} and ${bn()} in ${place} ${D}`, `. `),
      ])();
      break;
    case "exchange": {
      const n = thousands(acc.perSide!);
      w.claim(e.id, "prisoners", { type: "number", value: acc.perSide!, qualifier: "exact", per: "side" });
      pick(rng, [
        () => lead("", `${X.name} and ${Y.name} exchanged ${n} prisoners from each side ${D}`, `. `),
        () => lead(`${cap(D)}, `, `${X.name} and ${Y.name} carried out a prisoner exchange`, `, with ${n} prisoners released by each side. `),
        () => lead("A ", `prisoner swap between ${X.name} and ${Y.name} took place ${D}`, `, with ${n} prisoners on each side. `),
      ])();
      break;
    }
    case "statement":
      pick(rng, [
        () => lead("", `${an()} said in a statement ${D}`, ` that ${a.country.name} would review its position on ${e.topic}. `),
        () => lead("In a ", `statement issued ${D}, ${an()}`, ` called for new negotiations on ${e.topic}. `),
      ])();
      break;
  }
}

function detailSentences(w: Writer, v: Voice, acc: Account): void {
  const { event: e } = acc;
  const rng = v.rng;
  const mention = { event: e.id, kind: e.kind, date: null, precision: null, planned: acc.planned };
  const noun = e.kind === "phone_call" ? pick(rng, ["call", "conversation"]) : e.kind === "talks" ? "talks" : e.kind === "visit" ? "visit" : "meeting";
  if (acc.hours && !acc.planned) {
    const verb = noun === "talks" ? "lasted" : "lasted";
    w.add("The ").mark(`${noun} ${verb} ${acc.hours.words}`, mention).add(". ");
    w.claim(e.id, "duration", acc.hours.value);
  }
  if (e.kind === "phone_call" && e.initiator && !acc.planned && chance(rng, 0.6)) {
    const side = e.initiator.country;
    if (chance(rng, 0.5)) {
      w.add("The ").mark(`${noun} took place at the initiative of the ${side.demonym} side`, mention).add(". ");
      w.claim(e.id, "initiator", { type: "entities", ids: [`c-${side.name.toLowerCase()}`] });
    } else {
      w.add(`${side.name}'s foreign ministry said the `)
        .mark(`${noun} was requested by ${nameOf(v, e.initiator)}`, mention)
        .add(". ");
      w.claim(e.id, "initiator", { type: "entities", ids: [e.initiator.id] });
    }
  }
  if (e.time && !acc.planned && chance(rng, 0.7)) {
    const hh = String(e.time.hour).padStart(2, "0");
    const mm = String(e.time.minute).padStart(2, "0");
    w.add("The ").mark(`${noun} began at ${hh}:${mm} ${e.time.zoneWords}`, mention).add(". ");
  }
  if (!acc.planned && ["phone_call", "meeting", "talks", "visit"].includes(e.kind) && chance(rng, 0.5)) {
    const speaker = e.persons[0];
    const quote = pick(rng, [
      "We had a frank and useful exchange",
      "This was a constructive conversation",
      "There is still a lot of work ahead of us",
      "Both sides showed a willingness to compromise",
    ]);
    w.add(`“${quote},” ${nameOf(v, speaker)} said after the `)
      .mark(noun, mention)
      .add(". ");
    w.claim(e.id, "statement", { type: "text", text: quote });
  }
}

/** A short reference to another happening, as background. */
function backgroundSentence(w: Writer, v: Voice, other: WorldEvent, sameParties: boolean): void {
  const rng = v.rng;
  const pub = v.publishedAt;
  if (pub && other.date > pub) return;
  const d = datePhrase(v, other.date, false);
  const mention = { event: other.id, kind: other.kind, date: d.truth, precision: d.precision, planned: false };
  const [a, b] = other.persons;
  const persons = { type: "entities" as const, ids: other.persons.map((p) => p.id) };
  const countries = { type: "entities" as const, ids: other.countries.map((c) => `c-${c.name.toLowerCase()}`) };
  switch (other.kind) {
    case "phone_call":
      if (sameParties && chance(rng, 0.5)) w.add("The two leaders ").mark(`last spoke by phone ${d.words}`, mention).add(". ");
      else {
        w.add("It follows ")
          .mark(`a call between ${nameOf(v, a)} and ${nameOf(v, b)} ${d.words}`, mention)
          .add(". ");
        w.claim(other.id, "participants", persons);
      }
      break;
    case "meeting":
    case "talks":
      w.add("It comes after ").mark(`talks in ${other.place} ${d.words}`, mention).add(` between ${other.countries[0].name} and ${other.countries[1].name}. `);
      w.claim(other.id, "participants", countries).claim(other.id, "place", { type: "text", text: other.place! });
      break;
    case "exchange":
      w.add(`Earlier, `)
        .mark(`${other.countries[0].name} and ${other.countries[1].name} exchanged ${thousands(other.perSide!)} prisoners from each side ${d.words}`, mention)
        .add(". ");
      w.claim(other.id, "prisoners", { type: "number", value: other.perSide!, qualifier: "exact", per: "side" }).claim(other.id, "participants", countries);
      break;
    default:
      return;
  }
  if (d.truth && d.precision === "day") w.claim(other.id, "date", { type: "date", localDate: d.truth, precision: "day" });
}

/** Sentences about happenings that did not take place: hopes, possibilities, generic talk. */
function hypotheticalSentence(w: Writer, v: Voice, e: WorldEvent): void {
  const rng = v.rng;
  const [a, b] = e.persons;
  if (!b) return;
  const s = spell(v, a);
  const t = spell(v, b);
  w.add(
    pick(rng, [
      `Analysts say ${s.last} and ${t.last} could meet later this year. `,
      `${e.countries[0].name} hopes for new talks with ${e.countries[1].name} before the winter. `,
      `There is no date yet for a meeting between ${s.last} and ${t.last}. `,
      `Regular contacts between the two foreign ministries continue, officials said. `,
      `If the negotiations succeed, a summit could follow. `,
      `Any agreement would need the approval of parliament, ${pick(rng, EXPERTS)} said. `,
    ]),
  );
}

const FILLER = [
  "Officials declined to give further details, saying the discussions were at an early stage.",
  "Critics said previous rounds had produced statements but few concrete results.",
  "Markets reacted calmly to the news, with the currency little changed by the afternoon.",
  "The opposition called for a debate in parliament on the government's approach.",
  "Diplomats familiar with the matter said the wording of the two official readouts differed in several places.",
  "Trade between the two countries has grown by a third over the past five years, according to customs figures.",
  "Both governments face pressure at home to show results before the next election.",
  "Humanitarian organisations urged both sides to keep aid corridors open.",
  "The issue has divided the governing coalition for months.",
  "Independent observers were not given access to the venue.",
];

function fillerParagraph(w: Writer, rng: Rng): void {
  const sentences = [pick(rng, FILLER), pick(rng, FILLER)];
  if (chance(rng, 0.5))
    sentences.push(
      `“${pick(rng, ["Nobody expects a breakthrough overnight", "The real test will be implementation", "This is a step, not a solution"])},” said ${pick(rng, EXPERTS).replace(/,$/, "")}.`,
    );
  w.paragraph().add(`${[...new Set(sentences)].join(" ")}`);
}

// ---------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------

function headline(v: Voice, e: WorldEvent, planned: boolean): string {
  const a = spell(v, e.persons[0]).last;
  const b = e.persons[1] ? spell(v, e.persons[1]).last : "";
  const title = {
    phone_call: planned ? `${a} to Speak With ${b}` : `${a} and ${b} Hold Phone Talks`,
    meeting: planned ? `${a} to Meet ${b} in ${e.place}` : `${a}, ${b} Meet in ${e.place}`,
    talks: `${e.countries[0].name}, ${e.countries[1].name} Negotiators in ${e.place}`,
    visit: `${a} in ${e.place}`,
    agreement: `${e.countries[0].name} and ${e.countries[1].name} Sign Deal`,
    exchange: `Prisoners Freed in Swap`,
    statement: `${a} Issues Statement`,
  }[e.kind];
  return title;
}

interface Options {
  seed?: number;
  events?: number;
}

export function generateNewsroom(options: Options = {}): Newsroom {
  const rng = createRng(options.seed ?? 18);
  const events = buildWorld(rng, options.events ?? 40);
  const byId = new Map(events.map((e) => [e.id, e]));
  const articles: GeneratedArticle[] = [];
  let n = 0;
  for (const e of events) {
    const outlets = [...OUTLETS].sort(() => rng() - 0.5).slice(0, int(rng, 2, 5));
    // Which outlet (if any) gets a figure wrong: a date a day off, a duration, a count.
    const wrongDate = chance(rng, 0.25) ? pick(rng, outlets) : null;
    const wrongHoursAt = e.durationHours && chance(rng, 0.3) ? pick(rng, outlets) : null;
    const wrongCount = e.perSide && chance(rng, 0.4) ? pick(rng, outlets) : null;
    for (const outlet of outlets) {
      const plannedPossible = ["phone_call", "meeting", "talks", "visit"].includes(e.kind);
      const planned = plannedPossible && chance(rng, 0.25);
      const publishedAt = chance(rng, 0.08) ? null : planned ? addDays(e.date, -int(rng, 1, 4)) : addDays(e.date, int(rng, 0, 3));
      const v: Voice = { rng, spelling: new Map(), introduced: new Set(), publishedAt };
      const w = new Writer();
      const account: Account = {
        event: e,
        date: outlet === wrongDate ? addDays(e.date, chance(rng, 0.5) ? 1 : -1) : e.date,
        hours: e.durationHours ? (outlet === wrongHoursAt ? wrongHours(rng, e.durationHours) : hoursWords(rng, e.durationHours)) : undefined,
        perSide: e.perSide ? (outlet === wrongCount ? Math.round(e.perSide * pick(rng, [0.5, 0.8, 1.5])) : e.perSide) : undefined,
        place: e.place,
        planned,
      };
      w.add(headline(v, e, planned)).paragraph();
      const anchor = e.after ? byId.get(e.after) : undefined;
      if (anchor && !planned && chance(rng, 0.6)) {
        // "the day after the Geneva talks": the date is counted from another happening.
        const [a, b] = e.persons;
        w.mark(`${nameOf(v, a)} spoke by phone with ${nameOf(v, b)} the day after the ${anchor.place} talks`, {
          event: e.id,
          kind: e.kind,
          date: account.date === e.date ? e.date : null,
          precision: account.date === e.date ? "day" : null,
          planned: false,
        }).add(`, discussing ${e.topic}. `);
        w.claim(e.id, "participants", { type: "entities", ids: [a.id, b.id] });
        const held = datePhrase(v, anchor.date, false);
        w.add("The ")
          .mark(`talks in ${anchor.place} had taken place ${held.words}`, {
            event: anchor.id,
            kind: anchor.kind,
            date: held.truth,
            precision: held.precision,
            planned: false,
          })
          .add(". ");
        // The article's own claims: the talks' place and day, and the call's day only when the article gives the talks' day.
        if (anchor.place) w.claim(anchor.id, "place", { type: "text", text: anchor.place });
        if (held.truth && held.precision === "day") {
          w.claim(anchor.id, "date", { type: "date", localDate: held.truth, precision: "day" });
          if (account.date === e.date) w.claim(e.id, "date", { type: "date", localDate: e.date, precision: "day" });
        }
      } else {
        leadSentence(w, v, account);
      }
      detailSentences(w, v, account);
      // A second happening told in sequence: "The next day, …".
      const next = events.find((o) => o !== e && o.persons.some((p) => p === e.persons[0]) && dayOf(o.date) - dayOf(e.date) === 1 && o.kind !== "statement");
      if (next && !planned && chance(rng, 0.7)) {
        const other = next.persons.find((p) => p !== e.persons[0]) ?? next.persons[1];
        const phrase = pick(rng, ["The next day", "A day later", "The following day"]);
        const words =
          next.kind === "phone_call"
            ? `${phrase}, ${nameOf(v, e.persons[0])} spoke by phone with ${nameOf(v, other)}`
            : `${phrase}, ${nameOf(v, e.persons[0])} met ${nameOf(v, other)}${next.place ? ` in ${next.place}` : ""}`;
        const resolvable = account.date === e.date && publishedAt !== null;
        w.mark(words, { event: next.id, kind: next.kind, date: resolvable ? next.date : null, precision: resolvable ? "day" : null, planned: false }).add(". ");
        if (resolvable) w.claim(next.id, "date", { type: "date", localDate: next.date, precision: "day" });
        w.claim(next.id, "participants", { type: "entities", ids: [e.persons[0].id, other.id] });
        if (next.place && next.kind !== "phone_call") w.claim(next.id, "place", { type: "text", text: next.place });
      }
      for (let i = int(rng, 1, 3); i > 0; i--) fillerParagraph(w, rng);
      w.paragraph();
      const earlier = events.filter((o) => o !== e && o.date < e.date && o.persons.some((p) => e.persons.includes(p)));
      if (earlier.length > 0 && chance(rng, 0.6)) {
        const other = pick(rng, earlier);
        backgroundSentence(
          w,
          v,
          other,
          other.persons.every((p) => e.persons.includes(p)),
        );
      }
      if (chance(rng, 0.7)) hypotheticalSentence(w, v, e);
      for (let i = int(rng, 2, 8); i > 0; i--) fillerParagraph(w, rng);
      n++;
      articles.push({ id: `a${String(n).padStart(4, "0")}`, outlet, publishedAt, text: w.text.trim(), mentions: w.mentions, claims: w.claims });
    }
  }
  const registry = registryOf();
  const spellings = (p: Person) => p.first.flatMap((first) => p.last.map((last) => `${first} ${last}`));
  const truthEntities = registry.map((e) => {
    const person = PEOPLE.find((p) => p.id === e.id);
    return person ? { ...e, aliases: [...new Set([...e.aliases, ...spellings(person)])] } : e;
  });
  return { events, articles, registry, countryOf: Object.fromEntries(PEOPLE.map((p) => [p.id, `c-${p.country.name.toLowerCase()}`])), truthEntities };
}

/** The registry an editor would have built: canonical names and some spelling variants, not all. */
function registryOf(): RegistryEntity[] {
  const persons = PEOPLE.map(
    (p): RegistryEntity => ({
      id: p.id,
      name: `${p.first[0]} ${p.last[0]}`,
      type: "PERSON",
      aliases: [p.last[0], ...(p.last[1] ? [`${p.first[0]} ${p.last[1]}`] : [])],
    }),
  );
  const countries = COUNTRIES.map((c): RegistryEntity => ({ id: `c-${c.name.toLowerCase()}`, name: c.name, type: "PLACE", aliases: [] }));
  const venues = [...new Set(VENUES.filter((v) => !COUNTRIES.some((c) => c.name === v)))].map(
    (v): RegistryEntity => ({ id: `v-${v.toLowerCase()}`, name: v, type: "PLACE", aliases: [] }),
  );
  return [...persons, ...countries, ...venues.filter((v) => !countries.some((c) => c.name === v.name))];
}
