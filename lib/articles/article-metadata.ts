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
    language: source.language,
    kind: source.kind,
    disclaimer: source.disclaimer,
  };
}
