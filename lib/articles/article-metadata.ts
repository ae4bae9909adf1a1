/** An article's metadata: one shape from extraction to storage, the API and the pages. Pure module. */
import type { ArticleKindName } from "./schemas";

export type ArticleMetadata = {
  title: string;
  /** True when no headline was found and `title` was made from the opening words. */
  titleProvisional: boolean;
  outlet: string | null;
  url: string | null;
  author: string | null;
  commentators: string[];
  /** ISO day (YYYY-MM-DD); from extraction, only when the source states its publication date. */
  publishedAt: string | null;
  /**
   * The time of day the source states with its date: with its UTC offset when it states one
   * ("22:31-06:00": the day is then one moment everywhere), else as its own clock shows it ("22:31").
   */
  publishedTime: string | null;
  /** ISO 639-1 code such as "en", or null when unsure. */
  language: string | null;
  kind: ArticleKindName;
  disclaimer: string | null;
};

/** The metadata of anything that carries it (a parsed file, an article view), and nothing else. */
export function articleMetadata(source: ArticleMetadata): ArticleMetadata {
  return {
    title: source.title,
    titleProvisional: source.titleProvisional,
    outlet: source.outlet,
    url: source.url,
    author: source.author,
    commentators: source.commentators,
    publishedAt: source.publishedAt,
    publishedTime: source.publishedTime,
    language: source.language,
    kind: source.kind,
    disclaimer: source.disclaimer,
  };
}

/**
 * "22:31-06:00" → "22:31 UTC−06:00", "09:05+00:00" → "09:05 UTC", "22:31" → "22:31 (time zone not
 * stated)": a stated time for display.
 */
export function statedTimeLabel(time: string): string {
  const zone = time.slice(5);
  if (!zone) return `${time} (time zone not stated)`;
  return `${time.slice(0, 5)} UTC${zone === "+00:00" ? "" : zone.replace("-", "−")}`;
}

/**
 * The metadata with an editor's corrections (fields left undefined keep the extraction's). A
 * title the editor gave is no longer provisional; the time the source stated belongs to the day
 * it stated, so another day drops it.
 */
export function withMetadataCorrections<T extends ArticleMetadata>(
  metadata: T,
  corrections: Partial<Pick<ArticleMetadata, "title" | "outlet" | "publishedAt" | "author" | "kind">>,
): T {
  const given = Object.fromEntries(Object.entries(corrections).filter(([, value]) => value !== undefined));
  const sameDay = corrections.publishedAt === undefined || corrections.publishedAt === metadata.publishedAt;
  return {
    ...metadata,
    ...given,
    titleProvisional: corrections.title === undefined ? metadata.titleProvisional : false,
    publishedTime: sameDay ? metadata.publishedTime : null,
  };
}
