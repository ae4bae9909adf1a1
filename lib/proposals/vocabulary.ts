/**
 * The happenings the engine looks for and the words that name them: English news usage, not
 * any story's people or places. Verb forms come from compromise's conjugator, once, at load.
 */
import nlp from "compromise";
import type { EventTypeName } from "@/lib/events/vocabulary";

export const HAPPENING_KINDS = ["phone_call", "meeting", "talks", "visit", "statement", "agreement", "exchange"] as const;
export type HappeningKind = (typeof HAPPENING_KINDS)[number];

export const HAPPENING_LABELS: Record<HappeningKind, string> = {
  phone_call: "phone call",
  meeting: "meeting",
  talks: "talks",
  visit: "visit",
  statement: "statement",
  agreement: "agreement",
  exchange: "exchange",
};

/** The event type accepting a proposal creates; visits are meetings with a host, exchanges are carried-out agreements. */
export const EVENT_TYPE_OF_KIND: Record<HappeningKind, EventTypeName> = {
  phone_call: "PHONE_CALL",
  meeting: "MEETING",
  talks: "TALKS",
  visit: "MEETING",
  statement: "STATEMENT",
  agreement: "AGREEMENT",
  exchange: "OTHER",
};

/** Kinds that sources use for the same happening ("the meeting" / "the talks" / "the visit"). */
const IN_PERSON = new Set<HappeningKind>(["meeting", "talks", "visit"]);

export function kindsCompatible(a: HappeningKind, b: HappeningKind): boolean {
  return a === b || (IN_PERSON.has(a) && IN_PERSON.has(b));
}

/** Every form of a verb ("speak" → speak, speaks, spoke, spoken, speaking). */
function forms(...verbs: string[]): string[] {
  const all = new Set<string>();
  for (const verb of verbs) {
    all.add(verb);
    // Tagged as a verb first: compromise reads a lone "host" or "call" as a noun.
    const doc = nlp(verb);
    doc.tag("Infinitive");
    for (const conjugation of doc.verbs().conjugate() as Record<string, string>[]) {
      for (const [tense, form] of Object.entries(conjugation)) if (tense !== "FutureTense") all.add(form);
    }
  }
  return [...all].sort((a, b) => b.length - a.length);
}

const alt = (words: string[]) => words.join("|");

/** Case-sensitive alternation that also accepts the capitalized form at a sentence start. */
const eitherCase = (words: string[]) => words.map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join("|");

export interface TriggerRule {
  kind: HappeningKind;
  re: RegExp;
  /** A verb ("met") rather than a noun ("the meeting"). */
  verbal: boolean;
  /**
   * Lower-case words one of which every match contains: a line without any is not searched with
   * `re`, the costlier pattern (most lines name no happening).
   */
  needs: RegExp;
  /**
   * The same words, when every match starts with one of them: a line is then searched only where
   * they stand (findTriggers), not at each of its characters.
   */
  leading?: readonly string[];
}

const anyOf = (words: string[]) => new RegExp(words.map((w) => w.toLowerCase()).join("|"));
/** `needs` and `leading` for a rule whose matches start with one of `words`. */
const startingWith = (words: string[]) => ({ needs: anyOf(words), leading: words.map((w) => w.toLowerCase()) });

const CALENDAR_NAMES =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/** Case-sensitive ("call Dalen", not "call approaches"): with the i flag \p{Lu} would match any letter. */
const NAME_AHEAD = String.raw`(?=\s*(?:\p{Lu}|his\b|her\b|their\b|the\s+(?:\p{L}+\s+){0,2}(?:leader|president|minister|counterpart|chancellor|premier|king|secretary)s?\b))`;
const CALL = forms("call", "phone", "telephone", "ring");
/** "talks with" is the noun far more often than the verb. */
const SPEAK = forms("speak", "talk", "chat").filter((f) => f !== "talks");
const MEET = forms("meet", "host", "receive");
const NEGOTIATE = forms("negotiate");
const VISIT = forms("visit");
// American spellings and irregular forms the conjugator does not give.
const TRAVEL = [...forms("travel", "fly", "arrive", "go", "head"), "traveled", "traveling"];
const AGREE = forms("agree");
const SIGN = forms("sign");
const EXCHANGE = forms("exchange", "swap", "trade");
const ANNOUNCE = [...forms("announce", "declare", "say", "state", "post", "write", "tweet", "issue", "release", "publish"), "tweeted"];
/** What may stand between "spoke" and "by phone" or "with": "spoke again", "spoke for more than an hour", "spoke on Tuesday". */
const SPEAK_ADVERBIAL = String.raw`(?:again|briefly|separately|directly|also|later|earlier|late|early|(?:on|late\s+on|early\s+on)\s+${CALENDAR_NAMES}|for\s+(?:(?:about|around|more\s+than|nearly|almost|over|some|less\s+than|roughly|at\s+least)\s+)?(?:an?|one|two|three|four|five|six|half\s+an|\d+(?:\.\d+)?)\s+(?:hours?|minutes?))`;
const CAPTIVE_WORDS = String.raw`prisoners?(?:\s+of\s+war)?|POWs?|captives|detainees|bodies|soldiers|servicemen|civilians|hostages`;
const CAPTIVES = `(?:${CAPTIVE_WORDS})`;

/** Checked in order; at one position the longest match wins. */
export const TRIGGER_RULES: TriggerRule[] = [
  {
    kind: "phone_call",
    verbal: false,
    needs: anyOf(["phone"]),
    // "held talks by phone": a call, as "phone talks" is.
    re: /\b(?:tele)?phone\s+(?:call|conversation|talks?|contact|discussion)s?\b|\b(?:talks|conversations?|discussions?)\s+(?:by|over|on)\s+(?:the\s+)?(?:tele)?phone\b/giu,
  },
  {
    kind: "phone_call",
    verbal: false,
    needs: anyOf(["call", "conversation"]),
    re: /\b(?:(?:the|a|an|their|his|her|this|that|its|first|second|third|last|latest|next|previous|upcoming|planned|anticipated|expected|scheduled|separate|leaders['’]|\p{Lu}[\p{L}'’-]*['’]s?)\s+)(?:(?!to\b|will\b|would\b)(?:\p{L}+|\d+)(?:-\p{L}+)*[-\s]){0,2}(?:call|conversation)s?\b(?!\s+for\b)/giu,
  },
  {
    kind: "phone_call",
    verbal: true,
    ...startingWith(CALL),
    re: new RegExp(String.raw`(?<!so-)\b(?:${eitherCase(CALL)})\b(?!\s+(?:for|on|off|up|in|it|them|this|that)\b)${NAME_AHEAD}`, "gu"),
  },
  {
    kind: "phone_call",
    verbal: true,
    ...startingWith(SPEAK),
    re: new RegExp(
      String.raw`\b(?:${alt(SPEAK)})\s+(?:${SPEAK_ADVERBIAL}\s+)*(?:(?:(?:by|on|over)\s+(?:the\s+)?(?:tele)?phone\s+)?(?:with|to)\b|(?:by|on|over)\s+(?:the\s+)?(?:tele)?phone\b)`,
      "giu",
    ),
  },
  // "X and Y discussed prisoner exchanges by telephone": what was said, and that it was said on the phone.
  {
    kind: "phone_call",
    verbal: true,
    ...startingWith(["discuss", "conferred", "consulted"]),
    re: /\b(?:discussed|discusses|discuss|conferred|consulted)\b(?=[^.;:]{0,80}?\b(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b)/giu,
  },
  // "Berg and Okoro spoke on Tuesday", "the two leaders last talked in March": two parties speaking with each other.
  {
    kind: "phone_call",
    verbal: true,
    ...startingWith(["spoke", "talked"]),
    re: new RegExp(
      String.raw`\b(?:spoke|spoken|talked)\b(?<=(?:\band\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}|\b(?:two|both)\s+(?:leaders|presidents|ministers|men|women|sides)\s+|\b[Tt]hey\s+)(?:(?:last|also|previously|first|had|have|has|briefly|again)\s+)*(?:spoke|spoken|talked))(?=\s+(?:${SPEAK_ADVERBIAL}|last\b|on\b|in\s+(?:${CALENDAR_NAMES}|early|late|mid)\b|late\b|early\b|earlier\b|${CALENDAR_NAMES}\b))`,
      "gu",
    ),
  },
  {
    kind: "exchange",
    verbal: false,
    needs: anyOf(["exchange", "swap"]),
    // "freed 120 prisoners each in a swap mediated by …": the captives, then the swap they were freed in.
    re: new RegExp(
      String.raw`\b${CAPTIVES}\s+(?:exchanges?|swaps?)\b|\b(?:exchanges?|swaps?)\s+of\s+(?:\S+\s+){0,2}${CAPTIVES}|\b${CAPTIVES}(?:\s+(?:each|apiece))?\s+(?:in|as\s+part\s+of|under)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}(?:exchange|swap)\b`,
      "giu",
    ),
  },
  { kind: "exchange", verbal: true, ...startingWith(EXCHANGE), re: new RegExp(String.raw`\b(?:${alt(EXCHANGE)})\s+(?:\S+\s+){0,3}${CAPTIVES}`, "giu") },
  // "after meeting Finnish President X", "visited Hanoi on Monday, meeting X": the gerund, a verb with its object.
  {
    kind: "meeting",
    verbal: true,
    ...startingWith(["meeting"]),
    re: /(?<=(?:\b(?:[Aa]fter|[Bb]efore|[Ww]hile|[Uu]pon|[Ss]ince|[Ww]hen)|,)\s+)meeting(?=\s+(?:with\b|\p{Lu}|his\b|her\b|their\b))/gu,
  },
  {
    kind: "meeting",
    verbal: false,
    ...startingWith(["meeting", "summit", "encounter", "face-to-face"]),
    re: /\b(?:meeting|summit|encounter|face-to-face)s?\b/giu,
  },
  {
    kind: "meeting",
    verbal: true,
    ...startingWith(MEET),
    re: new RegExp(
      String.raw`\b(?:${alt(MEET)})\b(?!\s+(?:a|the|an)\s+(?:(?:tele)?phone\s+|video\s+|brief\s+|[\p{L}\d]+-minute\s+)?(?:call|letter|message|report|briefing|request|proposal)\b)(?=\s+(?:with\b|in\b|at\b|on\b|\p{Lu}|his\b|her\b|their\b|the\b))`,
      "giu",
    ),
  },
  // "X and Y shook hands at the Elysee Palace": they met.
  { kind: "meeting", verbal: true, needs: anyOf(["hands"]), re: /\b(?:shook|shake|shakes|shaking)\s+hands\b/giu },
  // "X sat down with Y on the sidelines of the summit": they met.
  { kind: "meeting", verbal: true, needs: anyOf(["down"]), re: /\b(?:sat|sit|sits|sitting)\s+down\s+(?=with\b)/giu },
  {
    kind: "talks",
    verbal: false,
    ...startingWith(["round", "talks", "negotiations", "consultations"]),
    re: /\b(?:round\s+of\s+)?(?:talks|negotiations|consultations)\b/giu,
  },
  // "held discussions in Hanoi", "The discussions lasted four hours": of the series' kind, like "an initial discussion".
  { kind: "talks", verbal: false, ...startingWith(["discussions"]), re: /\bdiscussions\b/giu },
  // "an initial discussion last month", "their previous discussion": an earlier one of a series, of the series' kind (see SERIES_NOUN).
  {
    kind: "talks",
    verbal: false,
    needs: anyOf(["discussion"]),
    re: /\b(?:(?:an?|the|their|his|her)\s+)?(?:initial|first|previous|last|earlier|latest|recent|second|third)\s+discussions?\b/giu,
  },
  { kind: "talks", verbal: true, ...startingWith(NEGOTIATE), re: new RegExp(String.raw`\b(?:${alt(NEGOTIATE)})\b`, "giu") },
  // "a visit by Chinese Premier Li Wei to Nairobi": the visitor's name inside the words naming the visit.
  {
    kind: "visit",
    verbal: false,
    ...startingWith(["visit", "trip"]),
    re: /\b(?:visit|trip)s?\s+(?:to|in)\b|\b(?:visit|trip)s?\s+by\s+(?:[\p{L}.'’-]+\s+){1,6}?(?:to|in)\b/giu,
  },
  {
    kind: "visit",
    verbal: true,
    ...startingWith([...VISIT, ...TRAVEL]),
    re: new RegExp(String.raw`\b(?:${alt(VISIT)})\b(?=\s+\p{Lu})|\b(?:${alt(TRAVEL)})\s+(?:to|in)\b(?=\s+\p{Lu})`, "giu"),
  },
  {
    kind: "agreement",
    verbal: false,
    ...startingWith(["agreement", "deal", "accord", "treaty", "memorandum", "truce"]),
    re: /\b(?:agreement|deal|accord|treaty|memorandum|truce)s?\b/giu,
  },
  {
    kind: "agreement",
    verbal: true,
    ...startingWith([...AGREE, ...SIGN]),
    re: new RegExp(String.raw`\b(?:${alt(AGREE)})\s+(?:on|to|that)\b|\b(?:${alt(SIGN)})\b`, "giu"),
  },
  {
    kind: "statement",
    verbal: false,
    ...startingWith(["statement", "readout", "communiqu", "press", "news"]),
    re: /\b(?:statement|readout|communiqu[ée]|press\s+release|(?:press|news)\s+conference)\b/giu,
  },
  {
    kind: "statement",
    verbal: true,
    ...startingWith(ANNOUNCE),
    re: new RegExp(
      String.raw`\b(?:${alt(ANNOUNCE)})\s+(?:on|in)\s+(?:a\s+|the\s+|his\s+|her\s+|its\s+)?(?:statement|post|social\s+media|website|readout|briefing|(?!${CALENDAR_NAMES}\b)\p{Lu})`,
      "giu",
    ),
  },
];

/** A noun that says words were exchanged but not how: the happening is of the kind the article gave the same parties' series. */
export const SERIES_NOUN = /\bdiscussions?$/i;
/** "They spoke for nearly three hours" after "X met Y": the two parties talking, in whatever happening the article gave them. */
export const RECIPROCAL_SPEECH = /^(?:spoke|spoken|talked)$/i;

/** Words around a trigger that make the happening announced rather than past. */
export const PLANNED =
  /\b(?:will|shall|going\s+to|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|slated|poised|planning|planned|to\s+be\s+held)|(?:is|are)\s+to|plans?\s+(?:to|for)|intends?\s+to|upcoming|forthcoming|anticipated|planned|scheduled|expected|ahead\s+of|before\s+the|in\s+the\s+coming|next\s+(?:week|month)|preparations?\s+for|being\s+prepared|(?:postponed|delayed|deferred|pushed\s+back|put\s+off)\s+until|prepar(?:e|es|ing)\s+for|to\s+(?:speak|talk|meet|hold|visit|sign|travel|exchange|swap|free|release)|(?:arrives|travels|flies)\s+(?:to|in))\b|\w['’]ll\b/i;

/** "agreed to reopen talks": talks to come, unless they are ones the text already named ("to restart the Istanbul negotiations"). */
export const TO_RESUME = /\bto\s+(?:reopen|resume|restart)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/**
 * Words that make a happening hypothetical, generic or denied: not proposed on their own.
 * Case-sensitive so that the month "May" is not the modal "may".
 */
export const HYPOTHETICAL = new RegExp(
  String.raw`\b(?:may|${eitherCase([
    "could",
    "would",
    "might",
    "should",
    "must",
    "if",
    "whether",
    "possible",
    "possibly",
    "potential",
    "potentially",
    "possibility",
    "prospects?",
    "hypothetical",
    "any",
    "no",
    "not",
    "never",
    "without",
    "hopes?",
    "hoped",
    "hoping",
    "wants?",
    "wanted",
    "seeks?",
    "seeking",
    "sought",
    "ready",
    "willing",
    "open",
    "prelude",
    "calls? for",
    "called for",
    "demand(?:s|ed)?",
    "urg(?:e|es|ed|ing)",
    "push(?:es|ed|ing)? for",
    "aimed at",
    "in order to",
    "in preparation",
    "such",
    "every",
    "preparations? for",
    "prepar(?:e|es|ing) for",
  ])})\b`,
);

/** Verbs that introduce reported speech: the person before them is a source, not a participant. */
export const REPORTING_VERB =
  /\b(?:said|says|told|tells|stated|states|noted|notes|added|adds|stressed|stresses|emphasi[sz]ed|underlined|explained|confirmed|confirms|wrote|writes|reported|reports|announced|announces|insisted|argued|claimed|claims|believes|believed|thinks|described|characteri[sz]ed|called\s+(?:it|them|the)|according\s+to)\b/i;

/** Role words before a name ("Foreign Minister", "envoy"): part of how news copy introduces people. */
export const ROLE_WORDS = new Set([
  "president",
  "vice",
  "prime",
  "minister",
  "foreign",
  "defence",
  "defense",
  "secretary",
  "state",
  // Portfolios ("Trade Minister", "Finance Secretary").
  "trade",
  "finance",
  "economy",
  "interior",
  "justice",
  "energy",
  "commerce",
  "industry",
  "agriculture",
  "health",
  "transport",
  "environment",
  "chancellor",
  "envoy",
  "special",
  "ambassador",
  "senator",
  "sen",
  "representative",
  "rep",
  "governor",
  "gov",
  "mayor",
  "general",
  "gen",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "press",
  "adviser",
  "advisor",
  "aide",
  "chief",
  "head",
  "leader",
  "deputy",
  "counterpart",
  "negotiator",
  "mediator",
  "facilitator",
  "coordinator",
  "commissioner",
  "rapporteur",
  "speaker",
  "chairman",
  "chairwoman",
  "chairperson",
  "director",
  "emir",
  "sultan",
  "crown",
  "opposition",
  "king",
  "queen",
  "prince",
  "premier",
  "mr",
  "mrs",
  "ms",
  "dr",
  "sir",
  "dame",
  "former",
  "acting",
  "interim",
  "commander",
  "official",
  "officials",
  "delegation",
  "national",
  "security",
  "affairs",
  "negotiator",
  "representative",
  "lawmaker",
  "diplomat",
  "team",
  "of",
  "the",
  "and",
  "for",
  "to",
  "on",
]);

/** Words that make a capitalized phrase an organization ("Foreign Ministry", "State Department"). */
export const ORGANIZATION_WORDS = new Set([
  "ministry",
  "department",
  "agency",
  "council",
  "office",
  "committee",
  "commission",
  "parliament",
  "government",
  "administration",
  "institute",
  "university",
  "academy",
  "bank",
  "fund",
  "union",
  "organization",
  "organisation",
  "party",
  "army",
  "forces",
  "navy",
  "embassy",
  "kremlin",
  "house",
  "times",
  "news",
  "post",
  "journal",
  "press",
  "service",
  "corporation",
  "company",
  "group",
  "association",
  "federation",
  "court",
  "senate",
  "congress",
  "assembly",
  "cabinet",
  "centre",
  "center",
  "foundation",
]);
