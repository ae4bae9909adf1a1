/** Structured data (schema.org) for a published briefing: a NewsArticle and a ClaimReview per resolved disagreement. Pure module. */
import type { CitationNote, RenderedDisagreement } from "./render";

export type JsonLdInput = {
  url: string;
  headline: string;
  description: string | null;
  /** First publication of the briefing and this version's publication, ISO instants. */
  datePublished: string;
  dateModified: string;
  authorName: string;
  publisherName: string;
  publisherUrl: string;
  notes: readonly CitationNote[];
  disagreements: readonly RenderedDisagreement[];
};

type JsonObject = { [key: string]: unknown };

/** The language briefings are written in, as the public pages declare it (<html lang>). */
export const BRIEFING_LANGUAGE = "en";

/** Schema.org's limit for headline is 110 characters; longer titles are shortened with an ellipsis. */
const MAX_HEADLINE = 110;

export function buildBriefingJsonLd(input: JsonLdInput): JsonObject[] {
  const publisher = { "@type": "Organization", name: input.publisherName, url: input.publisherUrl };
  // Cut between characters, never inside a surrogate pair (PostgreSQL refuses half a character in JSON).
  const characters = Array.from(input.headline);
  const headline = characters.length > MAX_HEADLINE ? `${characters.slice(0, MAX_HEADLINE - 1).join("")}…` : input.headline;
  const article: JsonObject = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline,
    ...(input.description ? { description: input.description } : {}),
    url: input.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    inLanguage: BRIEFING_LANGUAGE,
    author: { "@type": "Person", name: input.authorName },
    publisher,
    // Several passages of one article are one cited work.
    citation: distinctSources(input.notes).map((note) => ({
      "@type": "CreativeWork",
      name: note.articleTitle,
      ...(note.url ? { url: note.url } : {}),
      ...(note.outlet ? { publisher: { "@type": "Organization", name: note.outlet } } : {}),
      ...(note.publishedAt ? { datePublished: note.publishedAt } : {}),
    })),
  };
  const reviews = input.disagreements
    .filter((item) => item.status === "RESOLVED")
    .map((item) => ({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${input.url}#${item.anchor}`,
      claimReviewed: item.summary,
      datePublished: item.resolvedAt ?? input.dateModified,
      author: publisher,
      reviewRating: {
        "@type": "Rating",
        alternateName: item.verdict,
        ...(item.rationale ? { ratingExplanation: item.rationale } : {}),
      },
      itemReviewed: {
        "@type": "Claim",
        appearance: item.sources.map((source) => ({
          "@type": "CreativeWork",
          name: source.articleTitle,
          ...(source.url ? { url: source.url } : {}),
          ...(source.outlet ? { publisher: { "@type": "Organization", name: source.outlet } } : {}),
        })),
      },
    }));
  return [article, ...reviews];
}

function distinctSources(notes: readonly CitationNote[]): CitationNote[] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    const key = note.url ?? `${note.outlet ?? ""}\u0000${note.articleTitle}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * JSON for a <script type="application/ld+json"> element: "<" is escaped so no value can
 * close the script element, and the line separators JavaScript parsers trip on are escaped too.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
