/**
 * Hand labels of what the five seed articles report, for measuring the proposal engine on real
 * text (tests/unit/proposals-seeds.test.ts and `npm run eval:proposals`). Written by reading the
 * articles; the engine never sees them. Dates are what the article's own words allow (with its
 * publication date as the demo records it): null when the text does not date the mention.
 *
 * An anchor is a phrase of the imported text that contains the words naming the happening; an
 * optional mention may be proposed or not without counting against recall.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { normalizedText, parseArticle } from "@/lib/articles/extract";
import type { ClaimValue } from "@/lib/contradictions/claim-values";
import type { ProposalArticle, RegistryEntity } from "@/lib/proposals/types";
import type { HappeningKind } from "@/lib/proposals/vocabulary";
import type { EvalArticle } from "@/scripts/eval/metrics";

export interface LabeledMention {
  event: string;
  anchor: string;
  /** YYYY-MM-DD or YYYY-MM (or YYYY), or null when the passage and its article give no date for it. */
  date: string | null;
  optional?: boolean;
}

export interface LabeledArticle {
  key: string;
  file: string;
  publishedAt: string;
  outlet: string;
  mentions: LabeledMention[];
}

export const SEED_EVENTS: Record<string, { kind: HappeningKind; date: string }> = {
  "call-feb12": { kind: "phone_call", date: "2025-02-12" },
  "call-trump-zelensky-feb12": { kind: "phone_call", date: "2025-02-12" },
  "vance-zelensky-feb14": { kind: "meeting", date: "2025-02-14" },
  "rubio-lavrov-feb15": { kind: "phone_call", date: "2025-02-15" },
  "riyadh-feb18": { kind: "meeting", date: "2025-02-18" },
  "istanbul-feb27": { kind: "talks", date: "2025-02-27" },
  "oval-office-feb28": { kind: "meeting", date: "2025-02-28" },
  "witkoff-moscow": { kind: "meeting", date: "2025-03" },
  "call-mar18": { kind: "phone_call", date: "2025-03-18" },
  "london-april": { kind: "talks", date: "2025-04" },
  "istanbul-may16": { kind: "talks", date: "2025-05-16" },
  "rubio-lavrov-may17": { kind: "phone_call", date: "2025-05-17" },
  "call-may19": { kind: "phone_call", date: "2025-05-19" },
  "helsinki-2018": { kind: "meeting", date: "2018-07" },
  "gulf-agreements": { kind: "agreement", date: "2025-05" },
};

export const SEED_ARTICLES: LabeledArticle[] = [
  {
    key: "embassy-readout",
    file: "000_e5653e6b77eee7e3.txt",
    publishedAt: "2025-05-18",
    outlet: "Toutiao (Russian embassy readout)",
    mentions: [
      { event: "rubio-lavrov-may17", anchor: "Lavrov had a telephone conversation with US Secretary of State Rubio", date: "2025-05-17" },
      { event: "rubio-lavrov-may17", anchor: "also discussed during the conversation", date: null, optional: true },
      { event: "rubio-lavrov-may17", anchor: "This phone call between the foreign ministers", date: null, optional: true },
      { event: "istanbul-may16", anchor: "Ukraine-Russia talks held the previous day in Istanbul", date: "2025-05-16" },
      { event: "istanbul-may16", anchor: "resume negotiations in Istanbul", date: null, optional: true },
      { event: "call-may19", anchor: "Trump will speak with Putin on the morning of the 19th", date: "2025-05-19" },
      { event: "call-may19", anchor: "an upcoming call between Trump and Putin", date: null, optional: true },
      { event: "call-may19", anchor: "the leaders' call", date: null, optional: true },
    ],
  },
  {
    key: "svpressa-may",
    file: "001_c1ada2601b12286d.txt",
    publishedAt: "2025-05-18",
    outlet: "Svobodnaya Pressa",
    mentions: [
      { event: "call-may19", anchor: "plans to have a phone conversation with Russian President Vladimir Putin", date: "2025-05-19" },
      { event: "call-may19", anchor: "The topics of the conversation will include", date: null, optional: true },
      { event: "call-may19", anchor: "confirmed preparations for the conversation between Russian and American leaders", date: null, optional: true },
      { event: "call-may19", anchor: "this will be the third conversation between the two leaders", date: null, optional: true },
      { event: "call-may19", anchor: "Can the upcoming call be seen", date: null, optional: true },
      { event: "call-may19", anchor: "this conversation could have genuine positive significance", date: null, optional: true },
      { event: "call-may19", anchor: "What exactly does Trump want to talk to Putin about", date: null, optional: true },
      { event: "call-feb12", anchor: "Their first call was on February 12", date: "2025-02-12" },
      { event: "call-mar18", anchor: "the second on March 18", date: "2025-03-18" },
      {
        event: "rubio-lavrov-may17",
        anchor: "Russian Foreign Minister Sergey Lavrov spoke on the phone with US Secretary of State Marco Rubio",
        date: "2025-05-17",
      },
      { event: "rubio-lavrov-may17", anchor: "during his call with Lavrov", date: null, optional: true },
      { event: "rubio-lavrov-may17", anchor: "during his recent call with Rubio", date: null, optional: true },
      { event: "istanbul-may16", anchor: "Regarding the previous Istanbul negotiations", date: null },
      { event: "istanbul-may16", anchor: "restart the Istanbul negotiations", date: null, optional: true },
      { event: "istanbul-may16", anchor: "before the Istanbul negotiations", date: null, optional: true },
      { event: "istanbul-may16", anchor: "the possibility of Istanbul talks", date: null, optional: true },
      { event: "london-april", anchor: "the London negotiations among the US, Ukraine, and Europe in late April", date: "2025-04" },
      { event: "helsinki-2018", anchor: "the Helsinki Put-Talks in July 2018, where the meeting was held", date: "2018-07" },
      { event: "gulf-agreements", anchor: "signing vital agreements with Gulf countries", date: null, optional: true },
    ],
  },
  {
    key: "global-times-feb",
    file: "002_8259c0e6e43987e1.txt",
    publishedAt: "2025-02-16",
    outlet: "Global Times",
    mentions: [
      { event: "rubio-lavrov-feb15", anchor: "Lavrov and Rubio agreed during a telephone conversation", date: "2025-02-15" },
      { event: "rubio-lavrov-feb15", anchor: "Marco Rubio agreed on preparations for a meeting", date: "2025-02-15", optional: true },
      { event: "call-feb12", anchor: "Trump made separate phone calls to Putin", date: "2025-02-12" },
      { event: "call-trump-zelensky-feb12", anchor: "and Ukrainian President Vladimir Zelensky on Wednesday", date: "2025-02-12" },
      { event: "call-feb12", anchor: "shocked by Trump's call with Putin", date: null, optional: true },
      { event: "vance-zelensky-feb14", anchor: "who met with US Vice President JD Vance in Germany on Friday", date: "2025-02-14" },
      { event: "riyadh-feb18", anchor: "US and Russian officials will meet in Saudi Arabia in the coming days", date: null },
      { event: "riyadh-feb18", anchor: "will travel to Saudi Arabia", date: null, optional: true },
      { event: "riyadh-feb18", anchor: "not invited to the talks in Saudi Arabia", date: null, optional: true },
      { event: "riyadh-feb18", anchor: "who they would meet from Russia", date: null, optional: true },
    ],
  },
  {
    key: "cgtn-march",
    file: "003_eca1355c358a7f3d.txt",
    publishedAt: "2025-03-17",
    outlet: "CGTN",
    mentions: [
      { event: "call-mar18", anchor: "plans to speak to Russian counterpart Vladimir Putin on Tuesday", date: "2025-03-18" },
      { event: "call-mar18", anchor: "I'll be speaking to President Putin on Tuesday", date: "2025-03-18", optional: true },
      { event: "call-mar18", anchor: "part of his conversation with the Russian leader", date: null, optional: true },
      { event: "call-mar18", anchor: "Tuesday's talks will primarily focus", date: "2025-03-18", optional: true },
      { event: "call-mar18", anchor: "Tuesday's talks will achieve some progress", date: "2025-03-18", optional: true },
      { event: "witkoff-moscow", anchor: "positive talks between U.S. and Russian officials in Moscow", date: null },
      { event: "call-feb12", anchor: "Approximately one month ago, Trump and Putin had a phone conversation", date: "2025-02" },
      { event: "call-feb12", anchor: "During their talks, the two leaders also agreed to keep in contact", date: null, optional: true },
      { event: "riyadh-feb18", anchor: "high-level delegations from the U.S. and Russia met in Riyadh", date: "2025-02-18" },
      { event: "riyadh-feb18", anchor: "After the meeting, U.S. Special Envoy", date: null, optional: true },
      {
        event: "istanbul-feb27",
        anchor: "talks between U.S. and Russian delegations on bilateral issues and mending ties concluded in Istanbul",
        date: "2025-02-27",
      },
      { event: "istanbul-feb27", anchor: "The meeting lasted over six hours", date: null, optional: true },
      { event: "istanbul-feb27", anchor: "After the meeting, the U.S. Department of State said", date: null, optional: true },
    ],
  },
  {
    key: "ceasefire-call-march",
    file: "004_01be06722b39d923.txt",
    publishedAt: "2025-03-17",
    outlet: "Unnamed outlet (ceasefire call preview)",
    mentions: [
      { event: "call-mar18", anchor: "set to engage in a critical conversation with Russian President Vladimir Putin", date: null },
      { event: "call-mar18", anchor: "The anticipated call between Trump and Putin", date: null, optional: true },
      { event: "call-mar18", anchor: "plans for the Trump-Putin phone call moved forward", date: null, optional: true },
      { event: "call-mar18", anchor: "As the Trump-Putin call approaches", date: null, optional: true },
      { event: "call-mar18", anchor: "The call’s outcome could steer", date: null, optional: true },
      { event: "call-mar18", anchor: "the success of the upcoming call", date: null, optional: true },
      { event: "call-feb12", anchor: "following an initial discussion last month", date: "2025-02" },
      { event: "call-feb12", anchor: "since their last conversation", date: null, optional: true },
      { event: "oval-office-feb28", anchor: "Trump hosted Ukrainian President Volodymyr Zelensky at the Oval Office", date: null },
      { event: "witkoff-moscow", anchor: "Steve Witkoff visited Moscow, conferring directly with Putin", date: null },
      { event: "witkoff-moscow", anchor: "Witkoff characterized the meeting as ‘positive,’", date: null, optional: true },
    ],
  },
];

/** Conflicting claims between outlets about one happening: none in the seeds (their one dated dispute was an editor's misreading). */
export const SEED_CONTRADICTIONS: { event: string; attribute: string }[] = [];

const day = (localDate: string, extra: { partOfDay?: "morning" } = {}): ClaimValue => ({ type: "date", localDate, precision: "day", ...extra });
const month = (localDate: string): ClaimValue => ({ type: "date", localDate, precision: "month" });
const entities = (...ids: string[]): ClaimValue => ({ type: "entities", ids });
const quote = (text: string): ClaimValue => ({ type: "text", text });

/**
 * Claims a reader can check in each seed article (entity ids are the demo registry's keys):
 * a proposed claim counts as right when it is one of these.
 */
export const SEED_CLAIMS: { article: string; event: string; attribute: string; value: ClaimValue }[] = [
  { article: "embassy-readout", event: "rubio-lavrov-may17", attribute: "date", value: day("2025-05-17") },
  { article: "embassy-readout", event: "rubio-lavrov-may17", attribute: "initiator", value: entities("united-states") },
  { article: "embassy-readout", event: "rubio-lavrov-may17", attribute: "participants", value: entities("lavrov", "rubio") },
  { article: "embassy-readout", event: "istanbul-may16", attribute: "date", value: day("2025-05-16") },
  { article: "embassy-readout", event: "istanbul-may16", attribute: "place", value: entities("istanbul") },
  { article: "embassy-readout", event: "istanbul-may16", attribute: "participants", value: entities("ukraine", "russia") },
  { article: "embassy-readout", event: "call-may19", attribute: "date", value: day("2025-05-19", { partOfDay: "morning" }) },
  { article: "embassy-readout", event: "call-may19", attribute: "participants", value: entities("trump", "putin") },
  { article: "svpressa-may", event: "call-may19", attribute: "date", value: day("2025-05-19") },
  { article: "svpressa-may", event: "call-may19", attribute: "participants", value: entities("trump", "putin") },
  {
    article: "svpressa-may",
    event: "call-may19",
    attribute: "statement",
    value: quote(
      "The topics of the conversation will include ending the 'war' - a war that claims more than 5,000 lives of Russian and Ukrainian soldiers each week on average, as well as trade issues.",
    ),
  },
  { article: "svpressa-may", event: "call-may19", attribute: "statement", value: quote("the dialogue is being prepared") },
  { article: "svpressa-may", event: "call-feb12", attribute: "date", value: day("2025-02-12") },
  { article: "svpressa-may", event: "call-mar18", attribute: "date", value: day("2025-03-18") },
  { article: "svpressa-may", event: "rubio-lavrov-may17", attribute: "date", value: day("2025-05-17") },
  { article: "svpressa-may", event: "rubio-lavrov-may17", attribute: "initiator", value: entities("united-states") },
  { article: "svpressa-may", event: "rubio-lavrov-may17", attribute: "participants", value: entities("lavrov", "rubio") },
  { article: "svpressa-may", event: "rubio-lavrov-may17", attribute: "statement", value: quote("President Trump's tough message") },
  { article: "svpressa-may", event: "rubio-lavrov-may17", attribute: "statement", value: quote("immediate ceasefire") },
  { article: "svpressa-may", event: "istanbul-may16", attribute: "statement", value: quote("not a waste of time") },
  { article: "svpressa-may", event: "istanbul-may16", attribute: "place", value: entities("istanbul") },
  { article: "svpressa-may", event: "istanbul-may16", attribute: "participants", value: entities("ukraine", "russia") },
  { article: "svpressa-may", event: "london-april", attribute: "date", value: month("2025-04") },
  { article: "svpressa-may", event: "london-april", attribute: "place", value: entities("london") },
  { article: "svpressa-may", event: "london-april", attribute: "participants", value: entities("united-states", "ukraine", "europe") },
  { article: "svpressa-may", event: "helsinki-2018", attribute: "date", value: month("2018-07") },
  { article: "global-times-feb", event: "rubio-lavrov-feb15", attribute: "participants", value: entities("lavrov", "rubio") },
  { article: "global-times-feb", event: "call-feb12", attribute: "date", value: day("2025-02-12") },
  { article: "global-times-feb", event: "call-feb12", attribute: "participants", value: entities("trump", "putin") },
  { article: "global-times-feb", event: "call-trump-zelensky-feb12", attribute: "date", value: day("2025-02-12") },
  { article: "global-times-feb", event: "call-trump-zelensky-feb12", attribute: "participants", value: entities("trump", "zelensky") },
  { article: "global-times-feb", event: "riyadh-feb18", attribute: "place", value: entities("saudi-arabia") },
  { article: "global-times-feb", event: "riyadh-feb18", attribute: "participants", value: entities("united-states", "russia") },
  { article: "global-times-feb", event: "riyadh-feb18", attribute: "participants", value: entities("rubio", "waltz", "witkoff") },
  { article: "global-times-feb", event: "vance-zelensky-feb14", attribute: "date", value: day("2025-02-14") },
  { article: "global-times-feb", event: "vance-zelensky-feb14", attribute: "place", value: entities("germany") },
  { article: "global-times-feb", event: "vance-zelensky-feb14", attribute: "participants", value: entities("zelensky", "vance") },
  { article: "cgtn-march", event: "call-mar18", attribute: "date", value: day("2025-03-18") },
  { article: "cgtn-march", event: "witkoff-moscow", attribute: "place", value: entities("moscow") },
  { article: "cgtn-march", event: "call-mar18", attribute: "participants", value: entities("trump", "putin") },
  { article: "cgtn-march", event: "call-mar18", attribute: "statement", value: quote("We will be talking about land. We will be talking about power plants") },
  { article: "cgtn-march", event: "call-feb12", attribute: "date", value: month("2025-02") },
  { article: "cgtn-march", event: "call-feb12", attribute: "participants", value: entities("trump", "putin") },
  { article: "cgtn-march", event: "riyadh-feb18", attribute: "date", value: day("2025-02-18") },
  { article: "cgtn-march", event: "riyadh-feb18", attribute: "place", value: entities("riyadh") },
  { article: "cgtn-march", event: "riyadh-feb18", attribute: "participants", value: entities("united-states", "russia") },
  { article: "cgtn-march", event: "riyadh-feb18", attribute: "statement", value: quote("positive, upbeat and constructive") },
  { article: "cgtn-march", event: "riyadh-feb18", attribute: "statement", value: quote("serious discussion of all key issues") },
  { article: "cgtn-march", event: "istanbul-feb27", attribute: "date", value: day("2025-02-27") },
  { article: "cgtn-march", event: "istanbul-feb27", attribute: "place", value: entities("istanbul") },
  { article: "cgtn-march", event: "istanbul-feb27", attribute: "duration", value: { type: "number", value: 6, unit: "h", qualifier: "more_than" } },
  { article: "cgtn-march", event: "istanbul-feb27", attribute: "participants", value: entities("united-states", "russia") },
  { article: "ceasefire-call-march", event: "call-mar18", attribute: "participants", value: entities("trump", "putin") },
  { article: "ceasefire-call-march", event: "witkoff-moscow", attribute: "place", value: entities("moscow") },
  { article: "ceasefire-call-march", event: "witkoff-moscow", attribute: "participants", value: entities("witkoff", "putin") },
  { article: "ceasefire-call-march", event: "witkoff-moscow", attribute: "statement", value: quote("positive") },
  { article: "ceasefire-call-march", event: "oval-office-feb28", attribute: "participants", value: entities("trump", "zelensky") },
  { article: "ceasefire-call-march", event: "oval-office-feb28", attribute: "place", value: entities("oval-office") },
];

/** Demo registry entries (the editors' curation of the seeds) as the engine reads a registry. */
export function seedRegistry(): RegistryEntity[] {
  const demo = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../seeds/demo.json"), "utf8")) as {
    entities: { key: string; name: string; type: RegistryEntity["type"]; aliases?: string[] }[];
  };
  return demo.entities.map((e) => ({ id: e.key, name: e.name, type: e.type, aliases: e.aliases ?? [] }));
}

export interface SeedArticle extends ProposalArticle {
  labels: LabeledArticle;
}

/** The seed articles as the importer stores them (normalized body text), with their labels. */
export function loadSeedArticles(): SeedArticle[] {
  return SEED_ARTICLES.map((labels) => {
    const bytes = readFileSync(path.resolve(import.meta.dirname, "../../seeds", labels.file));
    const text = normalizedText(parseArticle({ bytes, filename: labels.file }).paragraphs);
    return { id: labels.key, text, publishedAt: labels.publishedAt, outlet: labels.outlet, labels };
  });
}

/** Where each labeled mention is in the text: its anchor must occur exactly once. */
export function labeledSpans(article: SeedArticle): (LabeledMention & { start: number; end: number })[] {
  return article.labels.mentions.map((m) => {
    const start = article.text.indexOf(m.anchor);
    if (start === -1 || article.text.indexOf(m.anchor, start + 1) !== -1) throw new Error(`${article.id}: anchor must occur once: ${m.anchor}`);
    return { ...m, start, end: start + m.anchor.length };
  });
}

/** The seeds with their labels as the scoring of scripts/eval/metrics.ts reads them. */
export function seedEvalCorpus(articles: SeedArticle[] = loadSeedArticles()): EvalArticle[] {
  return articles.map((a) => ({
    id: a.id,
    outlet: a.outlet ?? a.id,
    publishedAt: a.publishedAt,
    text: a.text,
    mentions: labeledSpans(a).map((m) => ({
      event: m.event,
      kind: SEED_EVENTS[m.event].kind,
      start: m.start,
      end: m.end,
      date: m.date,
      precision: m.date === null ? null : m.date.length === 10 ? "day" : m.date.length === 7 ? "month" : "year",
      optional: m.optional,
    })),
    claims: SEED_CLAIMS.filter((c) => c.article === a.id).map(({ event, attribute, value }) => ({ event, attribute, value })),
  }));
}
