/**
 * Names in an article: registry entities found by the alias matcher, and otherwise capitalized
 * phrases classified with compromise's lexicon (first and last names, cities, countries,
 * demonyms). Each name gets a key that identifies it across articles: the entity id when the
 * registry knows it, else a normalized surname or place name. Pure.
 */
import nlp from "compromise";
import { doubleMetaphone } from "double-metaphone";
import worldCountries from "world-countries";
import { buildMatcher, rememberedNameKey as normalizeName, similarNames, type Matcher } from "@/lib/entities/match";
import { ZONE_ABBREVIATIONS } from "@/lib/events/time-zones";
import { overlapsAnyOf } from "./text";
import type { KeyedName, RegistryEntity, Span } from "./types";
import { ORGANIZATION_WORDS, ROLE_WORDS } from "./vocabulary";

export type NameType = "PERSON" | "ORGANIZATION" | "PLACE" | "DEMONYM" | "OTHER";

export interface FoundName extends Span, KeyedName {
  type: NameType;
  /** Start of the role words before the name ("Foreign Minister"), else the name's start. */
  introStart: number;
}

export interface Registry {
  matcher: Matcher;
  entities: Map<string, RegistryEntity>;
  /** normalizeName(name or alias) → entity. */
  byName: Map<string, RegistryEntity>;
}

export function buildRegistry(entities: RegistryEntity[]): Registry {
  const byName = new Map<string, RegistryEntity>();
  for (const e of entities) for (const n of [e.name, ...e.aliases]) if (!byName.has(normalizeName(n))) byName.set(normalizeName(n), e);
  return {
    matcher: buildMatcher(entities.map((e) => ({ entityId: e.id, names: [e.name, ...e.aliases] }))),
    entities: new Map(entities.map((e) => [e.id, e])),
    byName,
  };
}

// ---------------------------------------------------------------------------
// compromise's lexicon
// ---------------------------------------------------------------------------

const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const PERSON_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "LastName", "Person", "Honorific"]);
const PLACE_TAGS = new Set(["City", "Country", "Region", "Place", "Continent", "State", "Island"]);

function tagsOf(word: string): string[] {
  const tags = LEXICON[word.toLowerCase()];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

const hasTag = (word: string, set: Set<string>) => tagsOf(word).some((t) => set.has(t));
const isDemonymWord = (word: string) =>
  tagsOf(word).includes("Demonym") || DEMONYM_COUNTRIES[word.toLowerCase()] !== undefined || worldDemonyms().has(word.toLowerCase());
const VERB_TAGS = new Set(["Verb", "Infinitive", "PastTense", "PresentTense", "Gerund", "Participle", "Copula", "Modal", "Auxiliary", "PhrasalVerb"]);

/** A verb form ("lasted", "touched", "aimed"): by compromise's lexicon, or by its ending. */
const MAX_REMEMBERED_WORDS = 20_000;

/**
 * A function of one word or name over fixed word lists, remembered: the rules ask it of the same words
 * many times an article (every word between a happening and a place, every role word before a name).
 */
function rememberedByWord<T>(read: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let value = known.get(word);
    if (value === undefined && !known.has(word)) {
      value = read(word);
      if (known.size >= MAX_REMEMBERED_WORDS) known.clear();
      known.set(word, value);
    }
    return value as T;
  };
}

export const isVerbWord = rememberedByWord((word) => tagsOf(word).some((t) => VERB_TAGS.has(t)) || /\p{L}{3,}(?:ed|ing)$/iu.test(word));

/** A word the lexicon knows as something other than a name ("However", "Officials", "Aims"). */
const isOrdinaryWord = (word: string) => {
  const tags = tagsOf(word);
  return tags.length > 0 && !tags.some((t) => PERSON_TAGS.has(t) || PLACE_TAGS.has(t) || t === "Demonym");
};

/** Demonyms whose country does not begin with their stem, and abbreviations news copy uses for countries. */
const DEMONYM_COUNTRIES: Record<string, string> = {
  american: "United States",
  british: "United Kingdom",
  dutch: "Netherlands",
  swiss: "Switzerland",
  french: "France",
  greek: "Greece",
  turkish: "Turkey",
  polish: "Poland",
  danish: "Denmark",
  swedish: "Sweden",
  finnish: "Finland",
  irish: "Ireland",
  spanish: "Spain",
  emirati: "United Arab Emirates",
  filipino: "Philippines",
  welsh: "Wales",
  scottish: "Scotland",
  english: "England",
  norwegian: "Norway",
};
const COUNTRY_ABBREVIATIONS: Record<string, string> = {
  us: "United States",
  "u.s": "United States",
  usa: "United States",
  "u.s.a": "United States",
  uk: "United Kingdom",
  "u.k": "United Kingdom",
  uae: "United Arab Emirates",
};

/** Adjectives news copy uses for countries that world-countries gives in another form ("Uzbekistani", "Kirghiz", "Slovene"). */
const OTHER_DEMONYMS: Record<string, string> = {
  uzbek: "UZB",
  tajik: "TJK",
  kyrgyz: "KGZ",
  azeri: "AZE",
  kazakh: "KAZ",
  turkmen: "TKM",
  argentinian: "ARG",
  slovenian: "SVN",
  slovakian: "SVK",
  kosovan: "UNK",
  nepali: "NPL",
  maldivian: "MDV",
  djiboutian: "DJI",
  botswanan: "BWA",
  comorian: "COM",
  surinamese: "SUR",
  luxembourgish: "LUX",
  ecuadorian: "ECU",
  saudi: "SAU",
  emirati: "ARE",
  lao: "LAO",
  philippine: "PHL",
};

let demonymCountries: Map<string, string> | undefined;

/**
 * Every English demonym of one or two words of world-countries' list and the forms above, to its country
 * named as compromise's lexicon names it when it knows one of its names (the key other mentions
 * of the country get), else by its common name. An independent country wins a shared demonym ("Dutch").
 */
function worldDemonyms(): Map<string, string> {
  if (demonymCountries) return demonymCountries;
  const byCode = new Map(worldCountries.map((c) => [c.cca3, c]));
  const nameOf = (c: (typeof worldCountries)[number]) => [c.name.common, ...c.altSpellings].find((n) => tagsOf(n).includes("Country")) ?? c.name.common;
  const map = new Map<string, string>();
  for (const c of [...worldCountries].sort((a, b) => Number(b.independent) - Number(a.independent))) {
    for (const form of [c.demonyms.eng?.m, c.demonyms.eng?.f]) {
      const word = form?.toLowerCase();
      if (word && /^[\p{L}-]+(?: [\p{L}-]+)?$/u.test(word) && !map.has(word)) map.set(word, nameOf(c));
    }
  }
  for (const [word, code] of Object.entries(OTHER_DEMONYMS)) {
    const c = byCode.get(code);
    if (c && !map.has(word)) map.set(word, nameOf(c));
  }
  demonymCountries = map;
  return map;
}

let countryNames: Set<string> | undefined;

/** Countries' common names in world-countries' list, normalized: with those compromise's lexicon lacks ("Chad", "Eswatini", "North Macedonia"). */
function worldCountryNames(): Set<string> {
  countryNames ??= new Set(worldCountries.map((c) => normalizeName(c.name.common)));
  return countryNames;
}

let countriesByStem: [string, string][] | undefined;

/**
 * "Uzbek" → "Uzbekistan", "Nigerian" → "Nigeria": world-countries' list; else, as "Russian" →
 * "Russia", the shortest country in the lexicon sharing the demonym's stem.
 */
function countryOfDemonym(demonym: string): string {
  const word = demonym.toLowerCase();
  if (DEMONYM_COUNTRIES[word]) return DEMONYM_COUNTRIES[word];
  const listed = worldDemonyms().get(word);
  if (listed) return listed;
  countriesByStem ??= Object.entries(LEXICON)
    .filter(([, tags]) => (Array.isArray(tags) ? tags : [tags]).includes("Country"))
    .map(([name]) => [name, name.replace(/\b\p{L}/gu, (c) => c.toUpperCase())] as [string, string])
    .sort((a, b) => a[0].length - b[0].length);
  const stem = word.replace(/(?:ians?|eans?|ans?|ese|ish|is?|n)$/u, "");
  const found = stem.length >= 3 ? countriesByStem.find(([name]) => name.startsWith(stem)) : undefined;
  return found ? found[1] : demonym;
}

/** "Chilean", "South African": the country a nationality adjective names, normalized; null for other words. */
export const countryOfNationality = rememberedByWord((words): string | null => {
  const word = words.toLowerCase();
  if (word.includes(" ")) return worldDemonyms().has(word) ? normalizeName(worldDemonyms().get(word)!) : null;
  return isDemonymWord(words) ? normalizeName(countryOfDemonym(words)) : null;
});

/** A counterpart left unnamed ("his Chilean counterpart"): the holder of the role in that country. */
export const isCounterpart = (n: KeyedName) => n.key.startsWith("counterpart:");

/** A person as the article introduces them: the role words before the name ("foreign minister"), when any. */
export type RoledName = KeyedName & { role?: string };

/** One role however the copy words it before a name ("Foreign Secretary", "Secretary of State", "head of state"). */
const ROLE_SYNONYMS = new Map([
  ["foreign secretary", "foreign minister"],
  ["foreign affairs minister", "foreign minister"],
  ["minister of foreign affairs", "foreign minister"],
  ["secretary of state", "foreign minister"],
  ["head of state", "president"],
]);

/** The role a participant is known by: a counterpart's is in its key ("counterpart:chile:foreign minister"). */
function knownRole(n: RoledName): string {
  const role = isCounterpart(n) ? (n.key.split(":")[2] ?? "") : (n.role ?? "");
  return ROLE_SYNONYMS.get(role) ?? role;
}

// ---------------------------------------------------------------------------
// Finding names
// ---------------------------------------------------------------------------

/**
 * A capitalized word, an acronym with dots ("U.S."), or a possessive form ("Putin's", the 's dropped
 * later); with the syllables of a hyphenated given name ("Sun-hee", "Jean-Pierre"), a lower-case
 * "al-" or "el-" before a surname ("al-Harbi"), and a hyphenated capitalized word only when
 * another capitalized word follows ("Jean-Pierre Lacroix"; not "U.S.-Iran talks").
 */
const TOKEN =
  /(?:\p{Lu}\.){2,}|(?<!\p{L})(?:(?:al|el|ul|ad|as|ar|an|at|az)-(?=\p{Lu}))?\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Ll}[\p{Ll}\p{M}]{0,5}(?![\p{L}-]))?(?:-\p{Lu}[\p{L}\p{M}'’]*(?= \p{Lu}))?/gu;
/** What may join the words of one name: a space, or a lower-case particle ("Secretary of State", "von der Leyen", "bint Faisal"). */
const JOIN =
  /^(?: | (?:of|de|del|della|der|den|des|di|do|dos|das|du|da|la|le|van|von|ter|ten|zu|al|el|bin|bint|ibn|ben|abu|of the|van der|van den|von der|de la) )$/;
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;
const PRONOUN_OR_DETERMINER =
  /^(?:i|we|he|she|it|they|you|the|a|an|this|that|these|those|his|her|its|their|our|my|your|there|here|but|and|or|so|yet|if|as|in|on|at|by|for|from|to|of|with|after|before|during|since|while|when|meanwhile|however|also|both|all|some|many|more|most|other|such|no|not|what|why|how|who|which|where)$/i;
const EVENT_NOUNS_AFTER =
  /^[-–\s]*(?:(?:tele)?phone\s+)?(?:call|calls|talks|meeting|summit|conversation|negotiations|deal|agreement|relations|ties|border|war|conflict|exchange)\b/i;

interface Token extends Span {
  word: string;
}

function possessiveStripped(word: string): string {
  // Most words hold no apostrophe: no pattern to run.
  return word.includes("'") || word.includes("’") ? word.replace(/['’]s?$/u, "") : word;
}

/** All names of a text, in text order, without overlaps. */
export function findNames(text: string, registry: Registry | null, titleLines: Span[] = titleCaseLines(text)): FoundName[] {
  const known = registry ? registryNames(text, registry) : [];
  const bodyWords = bodyCapitalizedWords(text, titleLines);
  const found: FoundName[] = [...known];
  const overlapsKnown = overlapsAnyOf(known);
  const knownPersonStarts = new Set(known.filter((k) => k.type === "PERSON").map((k) => k.start));
  // Lone words opening a sentence, left out as likely ordinary words ("Xi met …").
  const openers: Token[] = [];
  for (const chain of capitalizedChains(text)) {
    for (const part of splitAround(chain, overlapsKnown).flatMap((p) => splitAtPlaceOf(text, p, registry))) {
      const name = classify(text, part, titleLines, bodyWords, registry);
      if (name && !introducesKnownPerson(text, name, knownPersonStarts)) found.push(name);
      else if (!name && part.length === 1 && isSentenceStart(text, part[0].start)) openers.push(part[0]);
    }
  }
  // "Xi Jinping … Xi met …": the first word of a person's full name is that person wherever it opens a sentence.
  const firstWords = new Set(found.filter((n) => n.type === "PERSON" && !n.entityId && n.name.includes(" ")).map((n) => n.name.split(" ")[0]));
  for (const t of openers) {
    const word = possessiveStripped(t.word);
    if (firstWords.has(word) && !isCommonWord(word)) found.push(named(text, [{ ...t, word, end: t.start + word.length }], "OTHER", registry));
  }
  found.sort((a, b) => a.start - b.start);
  return venuesAfterAt(
    text,
    withAffiliations(
      text,
      withBodies(
        text,
        placesAndBodies(text, shortReferences(promoteSurnames(withoutIntroducers(text, bodiesByName(text, found, registry)))), registry),
        registry,
      ),
    ),
  );
}

/** "at the invitation of", "hit out at X", "a swipe at X": a person or body after "at", not a place. */
const AT_PERSON_BEFORE =
  /\b(?:looked|look|looking|laughed|aimed|aim|angry|furious|jabs?|shot|shots|swipe|swipes|lashed\s+out|hit\s+out|hits\s+out|directed|pointed|glared|smiled|waved)\s+at\s+$/i;

/**
 * "talks at Camp David", "met at Chequers": a name no lexicon places, right after "at", is where something
 * happens; a person or an organization there is read as the venue (not "NATO", nor "the State Department").
 */
function venuesAfterAt(text: string, names: FoundName[]): FoundName[] {
  return names.map((n) => {
    if (n.entityId || n.type === "PLACE" || n.type === "DEMONYM" || !/(?:^|[^\p{L}])at\s$/u.test(text.slice(Math.max(0, n.introStart - 4), n.introStart)))
      return n;
    if (AT_PERSON_BEFORE.test(text.slice(Math.max(0, n.introStart - 24), n.introStart))) return n;
    if (n.type !== "PERSON" && (ACRONYM.test(n.name) || n.name.split(" ").some((w) => ORGANIZATION_WORDS.has(w.toLowerCase())))) return n;
    // "at Putin's residence": the person whose place it is.
    if (n.introStart !== n.start || /^['’]/.test(text.slice(n.end, n.end + 1))) return n;
    return { ...n, type: "PLACE", level: "group", key: `place:${normalizeName(n.name)}` };
  });
}

/** "… the Boko Haram leadership. Boko Haram said …": words the article gives as a body's name are that body wherever they stand bare. */
function bodiesByName(text: string, names: FoundName[], registry: Registry | null): FoundName[] {
  const bodies = new Set(names.filter((n) => n.type === "ORGANIZATION" && !n.entityId).map((n) => normalizeName(n.name)));
  if (bodies.size === 0) return names;
  return names.map((n) =>
    n.type === "PERSON" &&
    !n.entityId &&
    n.introStart === n.start &&
    bodies.has(normalizeName(n.name)) &&
    !n.name.split(" ").some((w) => hasTag(w, PERSON_TAGS))
      ? named(text, [{ start: n.start, end: n.end, word: n.name }], "ORGANIZATION", registry)
      : n,
  );
}

/** "Tigrayan leader Gebre Haile": a word no dictionary knows before a role and a person's name introduces the person; it names nobody. */
function withoutIntroducers(text: string, names: FoundName[]): FoundName[] {
  const kept: FoundName[] = [];
  for (let i = 0; i < names.length; i++) {
    const [n, next] = [names[i], names[i + 1]];
    const introduces = n.type === "OTHER" && !n.entityId && next?.type === "PERSON";
    const gap = introduces ? text.slice(n.end, next.start).trim().split(/\s+/) : [];
    if (introduces && gap.length <= 3 && gap.every((w) => ROLE_WORDS.has(w) && !LINKING_WORD.test(w))) {
      kept.push({ ...next, introStart: Math.min(next.introStart, n.start) });
      i++;
    } else kept.push(n);
  }
  return kept;
}

/**
 * "Xi Jinping" … "Xi", "Kim Jong Un" … "Kim": a surname written first, used alone later, is that
 * person. The full name and the short references are keyed by the word used alone, and carry
 * the full name (whose last word still matches other articles' reports by surname). Not when two
 * full names begin with the word, or one ends with it ("Lee Jae-myung" and "Sheila Lee").
 */
function shortReferences(names: FoundName[]): FoundName[] {
  const full = names.filter((n) => n.type === "PERSON" && !n.entityId && n.name.includes(" "));
  if (full.length === 0) return names;
  const lastKeys = new Set(full.map((n) => n.key));
  const byFirst = new Map<string, FoundName | null>();
  for (const n of full) {
    const first = normalizeName(n.name.split(" ")[0]);
    const seen = byFirst.get(first);
    byFirst.set(first, seen === undefined || seen?.key === n.key ? n : null);
  }
  const rekeyed = new Map<string, string>();
  for (const n of names) {
    if ((n.type !== "PERSON" && n.type !== "OTHER") || n.entityId || n.name.includes(" ") || lastKeys.has(n.key)) continue;
    const person = byFirst.get(normalizeName(n.name));
    if (person) rekeyed.set(person.key, n.key);
  }
  if (rekeyed.size === 0) return names;
  const fullByKey = new Map(full.filter((n) => rekeyed.has(n.key)).map((n) => [n.key, n]));
  return names.map((n) => {
    if (n.entityId) return n;
    if (n.name.includes(" ") && n.type === "PERSON" && rekeyed.has(n.key)) return { ...n, key: rekeyed.get(n.key)! };
    const person = !n.name.includes(" ") && (n.type === "PERSON" || n.type === "OTHER") ? byFirst.get(normalizeName(n.name)) : undefined;
    return person && rekeyed.get(person.key) === n.key ? { ...n, type: "PERSON", level: "person", name: (fullByKey.get(person.key) ?? person).name } : n;
  });
}

/** "in Kigoma", "near Kigoma", "Kigoma, Tanzania", "the town of Kigoma": where a person's name does not stand. */
const PLACE_WORDS_BEFORE =
  /(?:(?<!\b(?:confidence|interest|faith|trust|belief|role|part|stake)\s+)\bin|\bnear|\boutside|\b(?:city|town|port|capital|province|region|village|district)\s+of|\bcapital,?)\s+$/i;
const PLACE_SUFFIX = /\p{L}{3,}(?:abad|grad|stan|pur|polis|ville|burgh)$/u;
/** "the Ecowas bloc", "Ecowas member states": a body's words. */
const BODY_WORDS_AFTER =
  /^\s+(?:bloc|alliance|coalition|group|grouping|secretariat|member\s+(?:states|countries|nations)|countries|nations|states|commission|council)\b/i;
const BODY_WORD_AFTER = /^\s+(?:bloc|alliance|coalition|grouping|secretariat)\b/i;
/** "visited Kigoma", "travel to Kigoma": where a place may stand as well as a party. */
const DESTINATION_WORDS_BEFORE = /\b(?:to|visit(?:s|ed|ing)?|via|from)\s+$/i;

const registryPersons = new WeakMap<Registry, Set<string>>();

/** Every word of the registry's persons' names and aliases: a lone word among them may be one of them. */
function registryPersonWords(registry: Registry | null): Set<string> {
  if (!registry) return EMPTY;
  let words = registryPersons.get(registry);
  if (!words) {
    words = new Set();
    for (const e of registry.entities.values())
      if (e.type === "PERSON") for (const n of [e.name, ...e.aliases]) for (const w of normalizeName(n).split(" ")) words.add(w);
    registryPersons.set(registry, words);
  }
  return words;
}
const EMPTY = new Set<string>();

/** "between Trump and Putin", "Trump will speak with Putin": a person the word is joined to by a few lower-case words is its peer. */
function besidePerson(text: string, a: FoundName | undefined, b: FoundName | undefined): boolean {
  if (!a || !b || (a.type !== "PERSON" && b.type !== "PERSON")) return false;
  return /^(?:,?\s+(?:\p{Ll}+\s+){0,4})$/u.test(text.slice(a.end, b.introStart));
}

/**
 * A word the lexicon does not know, with nothing saying it is a person's name, is a place or a
 * body when the article uses it as one anywhere: after "in" or "near", before a country after a
 * comma, with a place's ending; after "the" in mid-sentence or before "bloc" or "member states";
 * in a list with countries or bodies and no person ("Mercosur and the EU"). Otherwise it is a
 * body too ("talks with Ecowas") unless the article or the registry gives it as a person's name
 * somewhere (news copy introduces a person by role or full name before using a name alone), or it
 * stands where a place may ("visited Kigoma", "travelled to Kigoma").
 */
function placesAndBodies(text: string, names: FoundName[], registry: Registry | null): FoundName[] {
  const persons = new Set(names.filter((n) => n.type === "PERSON").map((n) => n.key));
  // Read only when a name without evidence of its own is met (names the registry knows need none).
  let personWords: Set<string> | undefined;
  const isPersonWord = (word: string) => {
    personWords ??= new Set(names.filter((n) => n.type === "PERSON").flatMap((n) => normalizeName(n.name).split(" ")));
    return personWords.has(word);
  };
  const evidence = new Map<string, NameType>();
  const maybePerson = new Set<string>();
  names.forEach((n, i) => {
    if (n.type !== "OTHER" || n.entityId || persons.has(n.key)) return;
    const before = text.slice(Math.max(0, n.start - 30), n.start);
    if (
      isPersonWord(normalizeName(n.name)) ||
      registryPersonWords(registry).has(normalizeName(n.name)) ||
      DESTINATION_WORDS_BEFORE.test(before) ||
      besidePerson(text, names[i - 1], n) ||
      besidePerson(text, n, names[i + 1])
    )
      maybePerson.add(n.key);
    if (/^['’]/.test(text.slice(n.end, n.end + 1))) return;
    const after = text.slice(n.end, n.end + 40);
    const next = names[i + 1];
    const previous = names[i - 1];
    const countryAfter = next && isCountryName(next) && /^,\s*$/.test(text.slice(n.end, next.start));
    if (PLACE_WORDS_BEFORE.test(before) || PLACE_SUFFIX.test(n.name) || countryAfter) {
      evidence.set(n.key, "PLACE");
      return;
    }
    const body =
      (/(?<=[\p{Ll},]\s)the\s+$/u.test(before) && !/^\s+(?:of|in)\b/.test(after)) ||
      BODY_WORDS_AFTER.test(after) ||
      listedWith(next, next ? text.slice(n.end, next.introStart) : "") ||
      listedWith(previous, previous ? text.slice(previous.end, n.start).replace(/^\s*,(?=\s+and\s)/, "") : "");
    if (body && !evidence.has(n.key)) evidence.set(n.key, "ORGANIZATION");
  });
  for (const n of names)
    if (n.type === "OTHER" && !n.entityId && !persons.has(n.key) && !maybePerson.has(n.key) && !evidence.has(n.key)) evidence.set(n.key, "ORGANIZATION");
  if (evidence.size === 0) return names;
  return names.map((n) => {
    const type = n.type === "OTHER" ? evidence.get(n.key) : undefined;
    if (!type) return n;
    // "the Cemac bloc and Chad": the body's word belongs to its name, so that a list goes on after it.
    const word = type === "ORGANIZATION" ? BODY_WORD_AFTER.exec(text.slice(n.end, n.end + 20)) : null;
    const end = word ? n.end + word[0].length : n.end;
    return { ...n, end, type, level: "group", key: `${type === "PLACE" ? "place" : "org"}:${normalizeName(n.name)}` };
  });
}

/** "Mercosur and the EU": a word in a list with a country or body. */
const listedWith = (other: FoundName | undefined, gap: string) => other?.level === "group" && /^(?:\s*,\s*|\s+and\s+(?:the\s+)?)$/.test(gap);

/** A country's armed or ruling body, named by a common noun: a party of its own, beside the country. */
const BODY_AFTER =
  /^(?:(['’]s)\s+|\s+)(?:(?:own|national|regular|main|ruling)\s+)?(army|military|armed\s+forces|navy|air\s+force|junta|police|security\s+forces|paramilitar(?:y|ies)|coast\s+guard|border\s+guards?|rebels|militias?|opposition|government|administration)\b(?!['’-])/iu;

/** "Sudan's army chief X": the body between a country and a role. */
const BODY_WORD = /^(?:army|military|armed|forces|navy|air|force|junta|police|security|coast|guard|border)$/i;
const LINKING_WORD = /^(?:of|the|and|for|to|on)$/i;

/**
 * "Sudan's army and the Rapid Support Forces", "the Sudanese military", "the Sudanese Army": the
 * body is the party (a group keyed by its country and noun, so that every wording meets); not
 * when a role or a name follows ("Sudan's army chief", "the army's spokesman"), where the country
 * says whom a person speaks for.
 */
function withBodies(text: string, names: FoundName[], registry: Registry | null): FoundName[] {
  const kept: FoundName[] = [];
  for (let i = 0; i < names.length; i++) {
    const n = countryBeforeBody(text, names[i], registry);
    const body = n.level === "group" && (n.type === "DEMONYM" || isCountry(n)) ? bodyAfter(text, n) : null;
    // "Sudan's Army": the capitalized noun was found as a name of its own; it is the body's.
    while (body && names[i + 1] && names[i + 1].start >= n.end && names[i + 1].end <= body.end) i++;
    if (body && names[i + 1] && names[i + 1].start < body.end) kept.push(n);
    else kept.push(body ?? n);
  }
  return kept;
}

function bodyAfter(text: string, n: FoundName): FoundName | null {
  const m = BODY_AFTER.exec(text.slice(n.end, n.end + 60));
  if (!m || (n.type === "DEMONYM" && m[1])) return null;
  // "Sudan army aid" is no body; "the Pakistan Army" (a capital) or "Sudan's army" is.
  if (n.type !== "DEMONYM" && !m[1] && !/^\p{Lu}/u.test(m[2])) return null;
  const end = n.end + m[0].length;
  // "Sudan's army chief", "the Sudanese army's spokesman", "the Sudanese Army General X".
  const next = /^(?:['’]s)?\s+(\p{L}+)/u.exec(text.slice(end, end + 30))?.[1];
  if (/^['’]s/.test(text.slice(end, end + 2)) || (next && ((ROLE_WORDS.has(next.toLowerCase()) && !LINKING_WORD.test(next)) || /^\p{Lu}/u.test(next))))
    return null;
  const body = m[2].toLowerCase().replace(/\s+/g, " ");
  // "Colombia's government", "the Colombian government": the country itself as a party.
  if (body === "government" || body === "administration") return { ...n, end };
  return { ...n, end, name: `${n.name}'s ${body}`, entityId: null, key: `org:${normalizeName(`${n.name} ${body}`)}`, type: "ORGANIZATION" };
}

/** "Sudanese Army", "Pakistan Armed Forces": a body's name written with capitals is its country before the body's noun. */
function countryBeforeBody(text: string, n: FoundName, registry: Registry | null): FoundName {
  if (n.type !== "ORGANIZATION" || n.entityId) return n;
  const words = text.slice(n.start, n.end);
  for (const m of words.matchAll(/ /g)) {
    const country = words.slice(0, m.index);
    const rest = BODY_AFTER.exec(words.slice(m.index));
    if (!rest || rest[1] || rest[0].length !== words.length - m.index) continue;
    const token = { start: n.start, end: n.start + country.length, word: country };
    if (worldDemonyms().has(country.toLowerCase()) || (!country.includes(" ") && isDemonymWord(country)))
      return named(text, [token], "DEMONYM", registry, countryOfDemonym(country));
    if (isCountry({ name: country })) return named(text, [token], "PLACE", registry);
  }
  return n;
}

/** Role words between a country and a person; a comma only after one ("her Australian counterpart, Penny Walsh"). */
const ROLE_GAP = /^(?:['’]s)?(?:\s+(?:[\p{L}-]+))*?(?:(?<=\p{L}),)?\s*$/u;

/**
 * "Canadian Prime Minister Claire Dubois", "Canada's foreign minister, Lars Berg", "Claire
 * Dubois of Canada": the country a person speaks for, carried to the article's later mentions
 * of them. Only role words may stand between the country and the name.
 */
function withAffiliations(text: string, names: FoundName[]): FoundName[] {
  const byKey = new Map<string, string>();
  names.forEach((n, i) => {
    if (n.level !== "person") return;
    const before = names[i - 1];
    const after = names[i + 1];
    const gapBefore = before ? text.slice(before.end, n.start) : "";
    let country: string | null = null;
    const introWords = text.slice(n.introStart, n.start).split(/\s+/);
    // "South African President …": a demonym of two words before one of its words alone.
    const pair = introWords.findIndex((w, i) => i + 1 < introWords.length && worldDemonyms().has(`${w} ${introWords[i + 1]}`.toLowerCase()));
    const intro =
      pair >= 0
        ? `${introWords[pair]} ${introWords[pair + 1]}`
        : introWords.find((w) => isDemonymWord(w) || COUNTRY_ABBREVIATIONS[w.toLowerCase().replace(/\.$/, "")]);
    // "New Zealand Prime Minister Grace Hill": a country's name, not its adjective, before the role.
    const named = intro ? undefined : countryOpening(introWords);
    if (after && isCountryName(after) && /^\s+of\s+(?:the\s+)?$/.test(text.slice(n.end, after.start))) country = normalizeName(after.name);
    else if (named) country = named;
    else if (intro) country = normalizeName(COUNTRY_ABBREVIATIONS[intro.toLowerCase().replace(/\.$/, "")] ?? countryOfDemonym(intro));
    else if (before && isCountryName(before) && isRoleGap(gapBefore)) country = normalizeName(before.name);
    if (country) byKey.set(n.key, country);
  });
  return names.map((n) => (n.level === "person" && byKey.has(n.key) ? { ...n, affiliation: byKey.get(n.key) } : n));
}

/** Only role words between a country and a person; "Turkey and Mehta" is a list, not an introduction. */
const isRoleGap = (gap: string) =>
  gap.length <= 60 &&
  !/[\n.!?;:]|\band\b/.test(gap) &&
  ROLE_GAP.test(gap) &&
  gap
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((w) => ROLE_WORDS.has(w.toLowerCase().replace(/^['’]s$/, "of")) || hasTag(w, ACTOR) || /^['’]s$/.test(w) || BODY_WORD.test(w));

/** The country whose name of one to three words opens these words, when a role follows it. */
function countryOpening(words: string[]): string | undefined {
  for (let length = Math.min(3, words.length - 1); length >= 1; length--) {
    const name = normalizeName(words.slice(0, length).join(" "));
    if (ROLE_WORDS.has(words[length].toLowerCase()) && isCountry({ name })) return name;
  }
  return undefined;
}

function isCountryName(n: FoundName): boolean {
  return n.level === "group" && (n.type === "DEMONYM" || isCountry(n));
}

/** "Evgeny" in "Evgeny Orlov" when the registry knows only "Orlov": part of that person's name, not a person. */
function introducesKnownPerson(text: string, name: FoundName, knownPersonStarts: ReadonlySet<number>): boolean {
  return name.level === "person" && knownPersonStarts.has(name.end + 1) && text[name.end] === " ";
}

function registryNames(text: string, registry: Registry): FoundName[] {
  const names: FoundName[] = [];
  for (const mention of registry.matcher.findMentions(text)) {
    const entity = registry.entities.get(mention.entityIds[0]);
    if (!entity || entity.type === "DOCUMENT" || entity.type === "OTHER") continue;
    const type: NameType = entity.type === "PERSON" ? "PERSON" : entity.type === "ORGANIZATION" ? "ORGANIZATION" : "PLACE";
    names.push({
      start: mention.start,
      end: mention.end,
      introStart: mention.start,
      name: entity.name,
      entityId: entity.id,
      key: `entity:${entity.id}`,
      type,
      level: type === "PERSON" ? "person" : "group",
    });
  }
  return names;
}

/** Lines written in title case without a full stop (headlines): capitalized words there are not evidence of names. */
export function titleCaseLines(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    // A line closed by a full stop (a paragraph, most lines) is none: its words need not be read.
    if (!/[.!?:"”]\s*$/.test(line)) {
      const words = line.match(/\p{L}{4,}/gu) ?? [];
      const capitalized = words.filter((w) => /^\p{Lu}/u.test(w)).length;
      if (words.length >= 2 && capitalized / words.length >= 0.6) lines.push({ start, end: start + line.length });
    }
    start += line.length + 1;
  }
  return lines;
}

/** Capitalized words that also occur mid-sentence outside headlines: the article uses them as names. */
function bodyCapitalizedWords(text: string, titleLines: Span[]): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{Ll},;]\s)\p{Lu}[\p{L}\p{M}]+/gu)) {
    if (!titleLines.some((l) => l.start <= m.index && m.index < l.end)) words.add(m[0]);
  }
  return words;
}

function capitalizedChains(text: string): Token[][] {
  const chains: Token[][] = [];
  let chain: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    // "Kremlin-backed", "Qatar-based": a compound adjective, not a syllable of the name.
    const hyphen = m[0].includes("-") ? /-\p{Ll}+$/u.exec(m[0]) : null;
    const word = hyphen && isVerbWord(hyphen[0].slice(1)) ? m[0].slice(0, hyphen.index) : m[0];
    const token = { start: m.index, end: m.index + word.length, word };
    const last = chain[chain.length - 1];
    const gap = last ? text.slice(last.end, token.start) : "";
    if (last && JOIN.test(gap) && !/['’]s?$/u.test(last.word)) chain.push(token);
    else {
      if (chain.length > 0) chains.push(chain);
      chain = [token];
    }
  }
  if (chain.length > 0) chains.push(chain);
  const surnames = calendarSurnames(text, chains);
  return chains.flatMap((c) => splitChain(text, c, surnames));
}

/** "Theresa May": month words the article gives as the last word of a person's name. */
function calendarSurnames(text: string, chains: Token[][]): Set<string> {
  const surnames = new Set<string>();
  for (const chain of chains) {
    if (chain.length < 2) continue;
    const i = chain.length - 1;
    const word = possessiveStripped(chain[i].word);
    if (CALENDAR.test(word) && !WEEKDAY.test(word) && calendarWordOfName(text, chain, i)) surnames.add(word);
  }
  return surnames;
}

/**
 * "May said …", "talks with May" after "Theresa May": the surname standing alone is the person,
 * unless a day number follows it or a word introducing a date stands before it ("in May", "May 5").
 */
function calendarSurnameAlone(text: string, token: Token, surnames: Set<string>): boolean {
  return (
    surnames.has(possessiveStripped(token.word)) &&
    !/^\.?\s*\d/.test(text.slice(token.end, token.end + 4)) &&
    !DATE_WORD_BEFORE.test(text.slice(Math.max(0, token.start - 12), token.start)) &&
    !/^\s*,?\s*(?:\d|last|next|this)/i.test(text.slice(token.end, token.end + 8))
  );
}

/** Cuts a chain at calendar words and splits "Trump-Putin" or "Ukraine–Russia" before an event noun. */
function splitChain(text: string, chain: Token[], surnames: Set<string>): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  for (const [i, token] of chain.entries()) {
    if (
      CALENDAR.test(possessiveStripped(token.word)) &&
      !calendarWordOfName(text, chain, i) &&
      !(chain.length === 1 && calendarSurnameAlone(text, token, surnames))
    ) {
      if (current.length > 0) parts.push(current);
      current = [];
      continue;
    }
    current.push(token);
  }
  if (current.length > 0) parts.push(current);
  return parts.flatMap((part) => {
    const last = part[part.length - 1];
    // Only a hyphen or a dash right after the part can join another name to it.
    if (text[last.end] !== "-" && text[last.end] !== "–") return [part];
    const next = text.slice(last.end, last.end + 40);
    const hyphenated = /^[-–](\p{Lu}[\p{L}\p{M}'’]*)/u.exec(next);
    if (!hyphenated || !EVENT_NOUNS_AFTER.test(next.slice(hyphenated[0].length))) return [part];
    const second = { start: last.end + 1, end: last.end + 1 + hyphenated[1].length, word: hyphenated[1] };
    return [part, [second]];
  });
}

const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** "on May", "in March", "since June", "last Monday", "early August": a calendar word after these is a date. */
const DATE_WORD_BEFORE =
  /\b(?:on|in|at|by|since|until|till|through|from|to|between|and|or|of|last|next|this|each|every|early|late|mid|mid-|before|after|during|around|about|as)\s*$/i;

/**
 * "Theresa May", "President Jan Nowak", "Helena March": a calendar word inside a run of name words is
 * a name word: after a given name, or (never at a sentence's start for a weekday: "Monday Trump said")
 * before another name word. A day number after it ("May 5", "Jan. 12") or a word that introduces a
 * date before it ("in May") keeps it a date.
 */
function calendarWordOfName(text: string, chain: Token[], i: number): boolean {
  const token = chain[i];
  if (/^\.?\s*\d/.test(text.slice(token.end, token.end + 4))) return false;
  if (DATE_WORD_BEFORE.test(text.slice(Math.max(0, token.start - 12), token.start))) return false;
  const [before, after] = [chain[i - 1], chain[i + 1]];
  const weekday = WEEKDAY.test(possessiveStripped(token.word));
  const followsGivenName = !weekday && before !== undefined && text.slice(before.end, token.start) === " " && hasTag(before.word, FIRST_NAME_TAGS);
  const nameAfter =
    after !== undefined &&
    !/\bof\b/.test(text.slice(token.end, after.start)) &&
    !/['’]s?$/u.test(token.word) &&
    !CALENDAR.test(possessiveStripped(after.word)) &&
    !introducesName(after.word) &&
    !isCommonWord(possessiveStripped(after.word)) &&
    !(weekday && isSentenceStart(text, token.start));
  return followsGivenName || nameAfter;
}

/** "President Emre Aydin of Turkey": the person, and the country they belong to, are two names. */
function splitAtPlaceOf(text: string, part: Token[], registry: Registry | null): Token[][] {
  for (let i = 1; i < part.length; i++) {
    if (!/^ of (?:the )?$/.test(text.slice(part[i - 1].end, part[i].start))) continue;
    const rest = part.slice(i);
    const words = normalizeName(rest.map((t) => possessiveStripped(t.word)).join(" "));
    const entity = registry?.byName.get(words);
    if ((entity && entity.type === "PLACE") || tagsOf(words).some((t) => PLACE_TAGS.has(t)) || COUNTRY_ABBREVIATIONS[words.replace(/\.$/, "")])
      return [part.slice(0, i), rest];
  }
  return [part];
}

function splitAround(chain: Token[], overlapsKnown: (span: Span) => boolean): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  for (const token of chain) {
    if (overlapsKnown(token)) {
      if (current.length > 0) parts.push(current);
      current = [];
    } else current.push(token);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

function isSentenceStart(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 3), offset);
  return offset === 0 || /(?:^|[.!?:"“”]\s*|\n\s*)$/.test(before);
}

const COMMON_TAGS = "(#Adverb|#Adjective|#Verb|#Plural|#Conjunction|#Preposition|#Determiner|#Pronoun|#Value|#QuestionWord)";

const isCommonLowerCaseWord = rememberedByWord((key) => isOrdinaryWord(key) || nlp(key).has(COMMON_TAGS));

/** A word that is ordinary in lower case ("Observers", "Additionally", "Following"): tagged once, remembered. */
function isCommonWord(word: string): boolean {
  return isCommonLowerCaseWord(word.toLowerCase());
}

const FIRST_NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName"]);
/** What compromise tags a given name with: "Santiago" and "Victoria" are a "Person". */
const GIVEN_NAME_TAGS = new Set([...FIRST_NAME_TAGS, "Person"]);
const ACTOR = new Set(["Actor"]);
const SURNAME_PARTICLE = / (?:bin|bint|ibn|ben|abu|van|von|der|den|ter|ten|zu) $/;
const ROLE_BEFORE = new RegExp(
  String.raw`\b(?:${[...ROLE_WORDS].filter((w) => w.length > 3 && !["state", "national", "security", "affairs", "press", "team"].includes(w)).join("|")})\s+$`,
);
const COLLECTIVE_AFTER =
  /^\s+(?:negotiators|officials|delegations?|forces|fighters|militants|representatives|leaders|leadership|troops|mediators|envoys|lawmakers|diplomats|authorities|movement|rebels|militia|members|spokesman|spokeswoman|spokesperson)\b/;
const LIST_OPENER = /^\s+and\s+(?:the\s+)?\p{Lu}/u;
const SURNAME_OPENS_CONTACT = /^\s+(?:met|meets|hosted|hosts|received|receives|phoned|calls|called|visited|visits)\s+(?:with\s+)?\p{Lu}/u;
const ACRONYM = /^(?:\p{Lu}\.?){2,}$/u;
/** "Ho Chi Minh City", "Jeju Island", "Kherson Oblast", "Elysee Palace": the last word says it is a place. */
const PLACE_NOUN = /^(?:city|province|island|islands|oblast|governorate|county|prefecture|valley|strait|peninsula|palace|hotel|airport|stadium)$/;
const CONTRACTION = /^\p{Lu}\p{Ll}*['’](?:ll|re|ve|d|m)$/u;

/** A role, nationality, body or place word: what stands before a person's name, not in it. */
function introducesName(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, "");
  return (
    ROLE_WORDS.has(lower) ||
    ORGANIZATION_WORDS.has(lower) ||
    isDemonymWord(word) ||
    COUNTRY_ABBREVIATIONS[lower] !== undefined ||
    ACRONYM.test(word) ||
    hasTag(word, ACTOR) ||
    hasTag(word, PLACE_TAGS)
  );
}

/** ", the foreign minister, met": a role set off by commas, with no name of its own after it. */
const ROLE_APPOSITION = /^,\s+(?:the|a|an)\s+((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+)\s*,\s*\p{Ll}/u;

/**
 * "Said, the foreign minister, met …", "Haddad, the envoy, said": the word opening the sentence is the
 * person the role describes, even a verb in the past ("Said"); not an ordinary opener ("However").
 */
function surnameBeforeRole(text: string, opener: Token): boolean {
  const apposition = ROLE_APPOSITION.exec(text.slice(opener.end, opener.end + 60));
  return (
    apposition !== null &&
    (!isCommonWord(opener.word) || (isVerbWord(opener.word) && !/ing$/i.test(opener.word))) &&
    apposition[1].split(/\s+/).some((w) => ROLE_WORDS.has(w) && !LINKING_WORD.test(w))
  );
}

/**
 * "Vice Premier He Feng", "Cole and He last met": a capitalised pronoun's word after a role inside a
 * name, or standing mid-sentence where the pronoun would be in lower case, is a (Chinese) surname.
 */
function pronounWordOfName(text: string, t: Token, i: number, all: Token[]): boolean {
  if (!/^(?:He|She)$/.test(t.word)) return false;
  if (i > 0 && i < all.length - 1 && ROLE_WORDS.has(all[i - 1].word.toLowerCase())) return true;
  return all.length === 1 && !isSentenceStart(text, t.start) && /\b(?:and|with|met|told|called)\s+$/.test(text.slice(Math.max(0, t.start - 8), t.start));
}

function classify(text: string, part: Token[], titleLines: Span[], bodyWords: Set<string>, registry: Registry | null): FoundName | null {
  let tokens = part
    .map((t) => ({ ...t, word: possessiveStripped(t.word), end: t.start + possessiveStripped(t.word).length }))
    .filter((t, i, all) => t.word.length > 1 && !CONTRACTION.test(t.word) && (!PRONOUN_OR_DETERMINER.test(t.word) || pronounWordOfName(text, t, i, all)));
  if (tokens.length === 0) return null;
  const opener = tokens[0];
  if (tokens.length === 1 && isSentenceStart(text, opener.start) && surnameBeforeRole(text, opener)) return named(text, tokens, "PERSON", registry);
  if (
    isSentenceStart(text, opener.start) &&
    !bodyWords.has(opener.word) &&
    !hasTag(opener.word, PERSON_TAGS) &&
    !hasTag(opener.word, PLACE_TAGS) &&
    !isDemonymWord(opener.word) &&
    // "U.S. officials said", "EU leaders met": an acronym is a name wherever it stands.
    !ACRONYM.test(opener.word) &&
    !(tokens.length > 1 && worldDemonyms().has(`${opener.word} ${tokens[1].word}`.toLowerCase())) &&
    // "Mercosur and the EU signed …": a word no dictionary knows, opening a list of names.
    !(tokens.length === 1 && LIST_OPENER.test(text.slice(opener.end, opener.end + 20)) && !isCommonWord(opener.word)) &&
    // "Okafor met Lindqvist in Accra": a surname no dictionary knows, doing what persons do to another name.
    !(tokens.length === 1 && SURNAME_OPENS_CONTACT.test(text.slice(opener.end, opener.end + 40)) && !isCommonWord(opener.word)) &&
    (tokens.length === 1 || isCommonWord(opener.word))
  ) {
    tokens = tokens.slice(1);
  }
  const inTitle = tokens.length > 0 && titleLines.some((l) => l.start <= tokens[0].start && tokens[0].start < l.end);
  if (inTitle) tokens = tokens.filter((t) => bodyWords.has(t.word) || hasTag(t.word, PERSON_TAGS) || hasTag(t.word, PLACE_TAGS) || isDemonymWord(t.word));
  if (tokens.length === 0 || /^time$/i.test(tokens[tokens.length - 1].word)) return null;
  const lower = tokens.map((t) => t.word.toLowerCase().replace(/\.$/, ""));
  if (
    tagsOf(lower.join(" ")).some((t) => PLACE_TAGS.has(t)) ||
    worldCountryNames().has(normalizeName(lower.join(" "))) ||
    (tokens.length > 1 && PLACE_NOUN.test(lower[lower.length - 1]))
  )
    return named(text, tokens, "PLACE", registry);
  // "North Korean leader Kim Jong Un": a nationality of two words alone, before a role in lower case.
  if (tokens.length === 2 && worldDemonyms().has(lower.join(" "))) return named(text, tokens, "DEMONYM", registry, countryOfDemonym(lower.join(" ")));
  // "White House Middle East Envoy Steve Witkoff": the person starts at the first name.
  let firstName = tokens.findIndex((t, i) => i > 0 && hasTag(t.word, FIRST_NAME_TAGS) && tokens.length - i <= 3);
  // "Faisal bin Khalid", "Ursula von der Leyen": a word after a particle continues the name begun before it.
  while (firstName > 0 && text.slice(tokens[firstName - 1].end, tokens[firstName].start) !== " ") firstName--;
  // "Prime Minister Tran Van Minh": the lexicon knows a later word of the name as a given name; the name goes back to the role.
  const givenNameInside = firstName > 0;
  // "Abdel Karim Osman": back to the chain's first word too, when it introduces nothing.
  while (firstName > 0 && tokens.length - firstName < 4 && !introducesName(tokens[firstName - 1].word)) firstName--;
  if (givenNameInside) return named(text, beforeAffiliation(text, tokens.slice(firstName)), "PERSON", registry, undefined, tokens[0].start);
  if (lower.some((w) => ORGANIZATION_WORDS.has(w))) return named(text, tokens, "ORGANIZATION", registry);
  // Leading roles, demonyms and country abbreviations introduce the person who follows them.
  let first = 0;
  while (first < tokens.length - 1) {
    if (ROLE_WORDS.has(lower[first]) || isDemonymWord(tokens[first].word) || COUNTRY_ABBREVIATIONS[lower[first]] || hasTag(tokens[first].word, ACTOR)) first++;
    // "South Korean Foreign Minister …", "Sri Lankan President …"
    else if (first < tokens.length - 2 && worldDemonyms().has(`${lower[first]} ${lower[first + 1]}`)) first += 2;
    // "Sri Lanka President …", "New Zealand Prime Minister …": a country's name before a role.
    else if (first === 0 && countryOpening(lower.slice(0, tokens.length - 1))) first += countryOpening(lower.slice(0, tokens.length - 1))!.split(" ").length;
    else break;
  }
  const introduced = first > 0;
  const rest = tokens.slice(first);
  const restLower = lower.slice(first);
  const personWord = rest.some((t) => hasTag(t.word, PERSON_TAGS));
  // "the Boko Haram", "Ansar Dine fighters": a body's name, as a person's never stands.
  const bodyPlaced =
    /(?:^|[^\p{L}])the\s+$/iu.test(text.slice(Math.max(0, tokens[0].start - 5), tokens[0].start)) ||
    COLLECTIVE_AFTER.test(text.slice(rest[rest.length - 1].end, rest[rest.length - 1].end + 30));
  // "the Afghan Taliban", "Nigerian Boko Haram": words no lexicon knows after a nationality alone (no role) are a body's.
  const nationalityOnly = introduced && !lower.slice(0, first).some((w) => ROLE_WORDS.has(w)) && !tokens.slice(0, first).some((t) => hasTag(t.word, ACTOR));
  if (
    nationalityOnly &&
    !personWord &&
    (rest.length > 1 || bodyPlaced) &&
    !rest.some((t) => isCommonWord(t.word)) &&
    !(rest.length > 1 && !bodyPlaced && spokenOfAsPerson(text, rest))
  )
    return named(text, tokens, "ORGANIZATION", registry);
  if (rest.length === 1 && ROLE_WORDS.has(restLower[0])) {
    // "Brazilian President" before a registry name: the demonym still says whom the person speaks for.
    return isDemonymWord(tokens[0].word) ? named(text, tokens.slice(0, 1), "DEMONYM", registry, countryOfDemonym(tokens[0].word)) : null;
  }
  if (rest.length === 1 && COUNTRY_ABBREVIATIONS[restLower[0]])
    return named(text, rest, "PLACE", registry, COUNTRY_ABBREVIATIONS[restLower[0]], tokens[0].start);
  // "The EU and Japan", "NATO said": an acronym that is not a country, a time zone or a time of day is an organization.
  if (rest.length === 1 && ACRONYM.test(rest[0].word) && !ZONE_ABBREVIATIONS[rest[0].word] && !/^[AP]\.?M\.?$/.test(rest[0].word))
    return named(text, rest, "ORGANIZATION", registry);
  if (rest.length === 1 && isDemonymWord(rest[0].word) && !introduced) return named(text, rest, "DEMONYM", registry, countryOfDemonym(rest[0].word));
  // "talks in Santiago", "arrived in Victoria": a given name alone where a place goes is the city named after it.
  if (
    rest.length === 1 &&
    !introduced &&
    hasTag(rest[0].word, GIVEN_NAME_TAGS) &&
    PLACE_PREPOSITION.test(text.slice(Math.max(0, rest[0].start - 20), rest[0].start)) &&
    !/^['’]s\b/.test(text.slice(rest[0].end, rest[0].end + 3))
  )
    return named(text, rest, "PLACE", registry);
  if (rest.some((t) => hasTag(t.word, PERSON_TAGS)) || introduced)
    return named(text, beforeAffiliation(text, rest), "PERSON", registry, undefined, tokens[0].start);
  if (rest.some((t) => hasTag(t.word, PLACE_TAGS))) return named(text, rest, "PLACE", registry);
  if (rest.length >= 2 && rest.length <= 4) {
    // "envoy Maarten van der Linden": a role in lower case before the name, or a surname particle inside it, makes it a person's.
    const person =
      ROLE_BEFORE.test(text.slice(Math.max(0, rest[0].start - 30), rest[0].start)) ||
      rest.some((t, i) => i > 0 && SURNAME_PARTICLE.test(text.slice(rest[i - 1].end, t.start)));
    return named(text, rest, person || (!bodyPlaced && !rest.some((t) => isCommonWord(t.word))) ? "PERSON" : "ORGANIZATION", registry);
  }
  if (rest.length === 1 && isCommonWord(rest[0].word) && !bodyWords.has(rest[0].word)) return null;
  if (rest.length !== 1) return null;
  // "Hamas negotiators", "the Houthi movement": a word naming people together is a body's, not a person's.
  return named(text, rest, COLLECTIVE_AFTER.test(text.slice(rest[0].end, rest[0].end + 30)) ? "ORGANIZATION" : "OTHER", registry);
}

const PLACE_PREPOSITION = /\b(?:in|to|from|near|outside|visit(?:s|ed|ing)?)\s+$/;
const HONORIFIC_BEFORE = /\b(?:Mr|Mrs|Ms|Dr|Mme|Mister|Madam)\.?\s+$/;
const AGE_AFTER = /^\s*,\s*\d{2},/;
const NAME_WORD_BEFORE = /\p{Lu}[\p{L}\p{M}'’-]*\s+$/u;
const NAME_WORD_AFTER = /^\s+\p{Lu}/u;

/**
 * "Kenyan Wanjiru Kamau … Kamau said", "Ms Kamau", "Kamau, 54,": a body's name is never cut to its
 * last word, given a title or an age; a person's is.
 */
function spokenOfAsPerson(text: string, rest: Token[]): boolean {
  const last = rest[rest.length - 1];
  if (AGE_AFTER.test(text.slice(last.end, last.end + 6))) return true;
  const word = last.word;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    if (at === last.start) continue;
    const end = at + word.length;
    if (/[\p{L}\p{M}-]/u.test(text[at - 1] ?? "") || /[\p{L}\p{M}-]/u.test(text[end] ?? "")) continue;
    const before = text.slice(Math.max(0, at - 12), at);
    if (HONORIFIC_BEFORE.test(before)) return true;
    if (!NAME_WORD_BEFORE.test(before) && !NAME_WORD_AFTER.test(text.slice(end, end + 2))) return true;
  }
  return false;
}

/** "Aino Virtanen of Finland", "Hiroshi Tanaka of the Pacific Forum": the person's name stops before "of". */
function beforeAffiliation(text: string, tokens: Token[]): Token[] {
  const cut = tokens.findIndex((t, i) => i > 0 && /\bof\b/.test(text.slice(tokens[i - 1].end, t.start)));
  return cut > 0 ? tokens.slice(0, cut) : tokens;
}

function named(text: string, tokens: Token[], type: NameType, registry: Registry | null, canonical?: string, introStart?: number): FoundName {
  const start = tokens[0].start;
  const end = tokens[tokens.length - 1].end;
  const name = canonical ?? text.slice(start, end).replace(/\s+/g, " ");
  const entity = registry?.byName.get(normalizeName(name));
  if (entity) {
    return {
      start,
      end,
      introStart: introStart ?? start,
      name: entity.name,
      entityId: entity.id,
      key: `entity:${entity.id}`,
      type,
      level: type === "PERSON" || type === "OTHER" ? "person" : "group",
    };
  }
  const level = type === "PERSON" || type === "OTHER" ? "person" : "group";
  const key =
    level === "person" ? `person:${normalizeName(tokens[tokens.length - 1].word)}` : `${type === "ORGANIZATION" ? "org" : "place"}:${normalizeName(name)}`;
  return { start, end, introStart: introStart ?? start, name, entityId: null, key, type, level };
}

/** A country (or a demonym standing for one): a party to talks rather than the place they are held. */
/**
 * Every key under which a name of this entity can stand in a stored extraction, linked to it or
 * not yet (the keys `named` gives), so that a change to the entity re-reads only the articles
 * that may name it. The name's type may be read differently in a text, so each reading's key is given.
 */
export function participantKeysFor(entityId: string, names: readonly string[]): string[] {
  const keys = new Set([`entity:${entityId}`]);
  for (const name of names) {
    const last = [...name.matchAll(TOKEN)].at(-1);
    if (last) keys.add(`person:${normalizeName(last[0])}`);
    const whole = normalizeName(name.replace(/\s+/g, " "));
    keys.add(`org:${whole}`);
    keys.add(`place:${whole}`);
  }
  return [...keys];
}

export function isCountry(name: Pick<FoundName, "name"> & { type?: NameType }): boolean {
  return name.type === "DEMONYM" || isCountryWords(normalizeName(name.name));
}

const isCountryWords = rememberedByWord(
  (words) =>
    tagsOf(words).includes("Country") || worldCountryNames().has(words) || Object.values(COUNTRY_ABBREVIATIONS).some((c) => normalizeName(c) === words),
);

/** A lone word the article also uses as a person's surname ("Lavrov" after "Sergey Lavrov") is that person. */
function promoteSurnames(names: FoundName[]): FoundName[] {
  const persons = new Map<string, FoundName>();
  for (const n of names) if (n.type === "PERSON" && n.name.includes(" ")) persons.set(n.key, n);
  return names.map((n) => {
    if (n.type !== "OTHER") return n;
    const full = persons.get(n.key);
    return full ? { ...n, type: "PERSON", name: full.name } : n;
  });
}

// ---------------------------------------------------------------------------
// Comparing names across articles
// ---------------------------------------------------------------------------

/** The same place, or one the text puts inside the other ("Riyadh, Saudi Arabia" and "Saudi Arabia"). */
export function samePlace(a: KeyedName, b: KeyedName): boolean {
  return sameName(a, b) || (a.within !== undefined && a.within === normalizeName(b.name)) || (b.within !== undefined && b.within === normalizeName(a.name));
}

const surname = (name: string) => normalizeName(name.trim().split(/\s+/).pop() ?? name);

/** Transliterations of one surname ("Farouk"/"Faruq", "Sokolov"/"Sokoloff") sound alike: Double Metaphone codes. */
function soundAlike(a: string, b: string): boolean {
  if (a[0] !== b[0] || Math.abs(a.length - b.length) > 2) return false;
  const [ca, cb] = [doubleMetaphone(a), doubleMetaphone(b)];
  return ca.some((code) => code.length >= 3 && cb.includes(code));
}

/**
 * "Xi" and "Xi Jinping": a name of one word that opens the other, where the surname is written
 * first: the full name's article used that word alone for the person (it is keyed by it), or no
 * lexicon knows the word as a given name. "Kim" alone and "Kim Darroch" are not linked: a given
 * name names nobody across reports.
 */
function surnameFirst(one: KeyedName, full: KeyedName): boolean {
  if (one.name.includes(" ")) return false;
  const words = full.name.split(" ");
  if (words.length < 2 || normalizeName(words[0]) !== normalizeName(one.name)) return false;
  return full.key === `person:${normalizeName(words[0])}` || !hasTag(words[0], FIRST_NAME_TAGS);
}

const MAX_REMEMBERED_PAIRS = 50_000;
const samePairs = new Map<string, boolean>();

/**
 * Persons with the same given name and surnames a letter or two apart ("Grace Wanjiru" and "Grace
 * Wanjiku"): the same person spelled two ways, when the rest of the happening agrees.
 */
export function sameGivenNameAlike(a: KeyedName, b: KeyedName): boolean {
  if (a.level !== "person" || b.level !== "person" || (a.entityId && b.entityId)) return false;
  const [wa, wb] = [normalizeName(a.name).split(" "), normalizeName(b.name).split(" ")];
  if (wa.length < 2 || wb.length < 2 || wa[0] !== wb[0]) return false;
  const [sa, sb] = [wa[wa.length - 1], wb[wb.length - 1]];
  return sa.length >= 5 && sa.slice(0, 3) === sb.slice(0, 3) && Math.abs(sa.length - sb.length) <= 1 && similarNames(sa, sb) >= 0.6;
}

/**
 * Same participant: the same key; or, unless both are distinct registry entities, persons whose
 * surnames are spelled or sound alike ("Zelensky"/"Zelenskyy", "Lavrov"/"Sergei Lavrov",
 * "Farouk"/"Faruq") and groups whose names are spelled alike.
 */
/** "Kim Jong-un" and "Kim Jong Un": one name whose syllables are joined by a hyphen or not (more than one word each). */
function sameSyllables(a: string, b: string): boolean {
  const [ja, jb] = [normalizeName(a.replace(/[-‐]/g, " ")), normalizeName(b.replace(/[-‐]/g, " "))];
  return ja === jb && ja.includes(" ") && normalizeName(a) !== normalizeName(b);
}

export function sameName(a: KeyedName, b: KeyedName): boolean {
  if (a.key === b.key) return true;
  // An unnamed counterpart may be any person of their country holding the same role (any, when either role is
  // unknown); reports that name them still tell one happening, but a president is no foreign minister's counterpart.
  if (isCounterpart(a) || isCounterpart(b)) {
    const [ra, rb] = [knownRole(a), knownRole(b)];
    // "minister" and "foreign minister": one role said more or less fully.
    const agree = !ra || !rb || ra === rb || ra.endsWith(` ${rb}`) || rb.endsWith(` ${ra}`);
    return a.level === b.level && a.affiliation !== undefined && a.affiliation === b.affiliation && agree;
  }
  if ((a.entityId && b.entityId) || a.level !== b.level) return false;
  const pair = a.key < b.key ? `${a.key}\u0000${b.key}\u0000${a.name}\u0000${b.name}` : `${b.key}\u0000${a.key}\u0000${b.name}\u0000${a.name}`;
  let same = samePairs.get(pair);
  if (same === undefined) {
    if (a.level === "person") {
      const [sa, sb] = [surname(a.name), surname(b.name)];
      same = similarNames(sa, sb) >= 0.8 || soundAlike(sa, sb) || surnameFirst(a, b) || surnameFirst(b, a) || sameSyllables(a.name, b.name);
    } else same = similarNames(a.name, b.name) >= 0.85;
    if (samePairs.size >= MAX_REMEMBERED_PAIRS) samePairs.clear();
    samePairs.set(pair, same);
  }
  return same;
}
