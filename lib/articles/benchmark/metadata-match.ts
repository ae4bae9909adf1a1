/**
 * Lenient but honest comparison of extracted metadata with what a page declares about itself
 * (its headings, Open Graph and JSON-LD fields). A field counts only on pages that declare it.
 */

export interface DeclaredMetadata {
  h1?: string[] | null;
  og_title?: string | null;
  ld_headline?: string | null;
  ld_author?: string | null;
  meta_author?: string | null;
  ld_date?: string | null;
  meta_date?: string | null;
  site?: string | null;
  url?: string | null;
}

export interface ExtractedFields {
  title: string | null;
  titleProvisional: boolean;
  author: string | null;
  publishedAt: string | null;
  /** "22:31-06:00" when the page stated the time and zone with its date, "22:31" when it named no zone. */
  publishedTime?: string | null;
  outlet: string | null;
}

export type FieldName = "headline" | "date" | "author" | "outlet";
/** null: the page declares nothing to compare with. */
export type FieldResult = boolean | null;

// Of two headlines where one contains the other, the shorter must keep most of the longer's words:
// "Title - Site" matches "Title", but a bare site name does not match "Title | Site".
const MIN_CONTAINED_SHARE = 0.6;
const AUTHOR_FILLER = new Set(["by", "and", "the", "staff", "news", "writer", "reporter", "editor", "correspondent", "senior", "contributor"]);

export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function headlineMatches(title: string | null, declared: DeclaredMetadata): FieldResult {
  const candidates = [...(declared.h1 ?? []), declared.og_title, declared.ld_headline].filter(nonEmpty).map(normalizeForMatch);
  if (candidates.length === 0) return null;
  if (!title) return false;
  const found = normalizeForMatch(title);
  if (!found) return false;
  return candidates.some((candidate) => {
    if (candidate === found) return true;
    const [shorter, longer] = candidate.length < found.length ? [candidate, found] : [found, candidate];
    return ` ${longer} `.includes(` ${shorter} `) && words(shorter) >= words(longer) * MIN_CONTAINED_SHARE;
  });
}

/**
 * Same calendar day as written in the declared date (its own time zone). A found date with its
 * stated time and zone is one moment: it matches a declared moment when it falls on the declared
 * day in the declared zone. A found date with a time but no zone is the page's local clock: it
 * also matches a declared moment that this clock shows, to the minute, at a UTC offset in use (the
 * page shows "Nov 18, 11:03 PM" where it declares 07:03 UTC on the 19th).
 */
export function dateMatches(publishedAt: string | null, declared: DeclaredMetadata, publishedTime: string | null = null): FieldResult {
  const values = [declared.ld_date, declared.meta_date].filter(nonEmpty).filter((d) => DECLARED_DAY.test(d));
  if (values.length === 0) return null;
  if (publishedAt === null) return false;
  const zoned = publishedTime !== null && ZONED_TIME.test(publishedTime);
  const moment = zoned ? Date.parse(`${publishedAt}T${publishedTime}`) : Number.NaN;
  return values.some((value) => {
    const day = DECLARED_DAY.exec(value)![0];
    const zone = DECLARED_ZONE.exec(value)?.[1];
    if (zone && publishedTime && !zoned && sameClock(publishedAt, publishedTime, value)) return true;
    if (Number.isNaN(moment) || !zone) return day === publishedAt.slice(0, 10);
    return new Date(moment + zoneMinutes(zone) * 60_000).toISOString().slice(0, 10) === day;
  });
}

const DECLARED_DAY = /\d{4}-\d{2}-\d{2}/;
// The offset of a declared moment ("…T07:03:25+00:00", "…T01:50:59.403Z"); none for a bare day.
const DECLARED_ZONE = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ZONED_TIME = /^\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const LOCAL_TIME = /^\d{2}:\d{2}$/;
// UTC offsets in use run from -12:00 to +14:00, in whole and half hours but for a few places
// (+05:45) left out: each step allowed lets a wrong time match by chance more often.
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;
const OFFSET_STEP = 30;

function zoneMinutes(zone: string): number {
  return /^z$/i.test(zone) ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
}

/** Whether a local day and clock ("2019-11-18", "23:03") is the declared moment at some real UTC offset. */
function sameClock(day: string, time: string, declaredMoment: string): boolean {
  if (!LOCAL_TIME.test(time)) return false;
  const moment = Date.parse(declaredMoment);
  const clock = Date.parse(`${day}T${time}:00Z`);
  if (Number.isNaN(moment) || Number.isNaN(clock)) return false;
  // Seconds are not shown on pages: compare to the minute.
  const offset = (clock - Math.floor(moment / 60_000) * 60_000) / 60_000;
  return offset >= MIN_OFFSET && offset <= MAX_OFFSET && offset % OFFSET_STEP === 0;
}

/** At least one name word in common (a profile URL counts by the words of its last segment). */
export function authorMatches(author: string | null, declared: DeclaredMetadata): FieldResult {
  const names = [declared.ld_author, declared.meta_author]
    .filter(nonEmpty)
    .map(authorWords)
    .filter((w) => w.size > 0);
  if (names.length === 0) return null;
  if (!author) return false;
  const found = authorWords(author);
  return names.some((name) => [...name].some((word) => found.has(word)));
}

/** Site name or domain, compared without spaces and punctuation; one may contain the other. */
export function outletMatches(outlet: string | null, declared: DeclaredMetadata): FieldResult {
  if (!nonEmpty(declared.site)) return null;
  if (!outlet) return false;
  const want = compactSite(declared.site);
  const found = compactSite(outlet);
  if (want.length < 2 || found.length < 2) return want === found;
  return want === found || want.includes(found) || found.includes(want);
}

export function compareMetadata(fields: ExtractedFields, declared: DeclaredMetadata): Record<FieldName, FieldResult> {
  return {
    headline: headlineMatches(fields.titleProvisional ? null : fields.title, declared),
    date: dateMatches(fields.publishedAt, declared, fields.publishedTime ?? null),
    author: authorMatches(fields.author, declared),
    outlet: outletMatches(fields.outlet, declared),
  };
}

function authorWords(name: string): Set<string> {
  const text = /^https?:\/\//.test(name) ? (name.replace(/\/+$/, "").split("/").pop() ?? "") : name;
  return new Set(
    normalizeForMatch(text)
      .split(" ")
      .filter((w) => w.length >= 2 && !AUTHOR_FILLER.has(w)),
  );
}

function compactSite(site: string): string {
  const host = site.match(/^https?:\/\/([^/]+)/)?.[1];
  const text = host ? host.replace(/^www\./, "").replace(/\.[a-z]+$/, "") : site;
  return normalizeForMatch(text).replace(/ /g, "");
}

function words(text: string): number {
  return text.split(" ").length;
}

function nonEmpty(value: string | null | undefined): value is string {
  return typeof value === "string" && value.trim().length > 0;
}
