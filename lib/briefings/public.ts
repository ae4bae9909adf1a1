import "server-only";
import { publicOrigin } from "@/lib/public-origin";
import { db } from "@/lib/db";
import { buildAtomFeed, type FeedEntry } from "./feed";
import type { CitationNote, TimelineData } from "./render";
import { FEED_TITLE } from "./site";
import type { PublicBriefing, PublicBriefingListItem } from "./types";

/**
 * What anonymous readers may see: published versions (frozen at publication) and the
 * retraction notice. Never drafts, reviews, unpublished passages, emails or workspace ids.
 * Results are plain JSON (dates as ISO strings) so they can be cached as they are.
 */

export async function listPublishedBriefings(): Promise<PublicBriefingListItem[]> {
  const rows = await db.briefing.findMany({
    where: { published: { some: {} } },
    select: {
      slug: true,
      retractedAt: true,
      published: { select: { number: true, title: true, summary: true, publishedAt: true }, orderBy: { number: "asc" } },
    },
  });
  return rows
    .map((row) => {
      const first = row.published[0]!;
      const latest = row.published.at(-1)!;
      return {
        slug: row.slug,
        title: latest.title,
        summary: latest.summary,
        firstPublishedAt: first.publishedAt.toISOString(),
        updatedAt: latest.publishedAt.toISOString(),
        latestNumber: latest.number,
        retractedAt: row.retractedAt?.toISOString() ?? null,
      };
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The briefing at `slug` with the given published version (default: the latest), or null. */
export async function getPublicBriefing(slug: string, number?: number): Promise<PublicBriefing | null> {
  const row = await db.briefing.findUnique({
    where: { slug },
    select: {
      slug: true,
      retractedAt: true,
      retractionNote: true,
      published: { select: { number: true, publishedAt: true, changeNote: true }, orderBy: { number: "asc" } },
    },
  });
  if (!row || row.published.length === 0) return null;
  const latestNumber = row.published.at(-1)!.number;
  const wanted = number ?? latestNumber;
  const version = await db.briefingVersion.findFirst({
    where: { briefing: { slug }, number: wanted },
    select: { number: true, title: true, summary: true, html: true, citations: true, timeline: true, jsonLd: true, changeNote: true, publishedAt: true },
  });
  if (!version) return null;
  return {
    slug: row.slug,
    firstPublishedAt: row.published[0]!.publishedAt.toISOString(),
    retractedAt: row.retractedAt?.toISOString() ?? null,
    retractionNote: row.retractionNote,
    latestNumber,
    versions: row.published.map((item) => ({ number: item.number, publishedAt: item.publishedAt.toISOString(), changeNote: item.changeNote })),
    version: {
      number: version.number,
      title: version.title,
      summary: version.summary,
      html: version.html,
      notes: version.citations as unknown as CitationNote[],
      timelines: version.timeline as unknown as TimelineData[],
      jsonLd: version.jsonLd,
      changeNote: version.changeNote,
      publishedAt: version.publishedAt.toISOString(),
      authorName: authorNameOf(version.jsonLd),
    },
  };
}

/** The byline frozen with the version (the NewsArticle's author). */
function authorNameOf(jsonLd: unknown): string {
  const article = Array.isArray(jsonLd) ? jsonLd.find((item) => item?.["@type"] === "NewsArticle") : null;
  const name = article?.author?.name;
  return typeof name === "string" ? name : "";
}

/** Atom feed XML: one entry per published briefing, carrying its latest version. */
export async function buildPublicFeed(limit = 50): Promise<string> {
  const [rows, firsts] = await Promise.all([
    db.briefing.findMany({
      where: { published: { some: {} } },
      select: {
        id: true,
        slug: true,
        retractedAt: true,
        retractionNote: true,
        published: {
          select: { number: true, title: true, summary: true, html: true, citations: true, timeline: true, changeNote: true, publishedAt: true, jsonLd: true },
          orderBy: { number: "desc" },
          take: 1,
        },
      },
    }),
    db.briefingVersion.findMany({ where: { number: 1 }, select: { briefingId: true, publishedAt: true } }),
  ]);
  const firstPublished = new Map(firsts.map((row) => [row.briefingId, row.publishedAt.toISOString()]));
  const entries: FeedEntry[] = rows
    .map((row) => {
      const latest = row.published[0]!;
      return {
        slug: row.slug,
        title: latest.title,
        summary: latest.summary,
        html: latest.html,
        timelines: latest.timeline as unknown as TimelineData[],
        notes: latest.citations as unknown as CitationNote[],
        firstPublishedAt: firstPublished.get(row.id) ?? latest.publishedAt.toISOString(),
        updatedAt: latest.publishedAt.toISOString(),
        version: latest.number,
        changeNote: latest.changeNote,
        authorName: authorNameOf(latest.jsonLd),
        retractedAt: row.retractedAt?.toISOString() ?? null,
        retractionNote: row.retractionNote,
      };
    })
    .sort((a, b) => (b.retractedAt ?? b.updatedAt).localeCompare(a.retractedAt ?? a.updatedAt))
    .slice(0, limit);
  return buildAtomFeed({ baseUrl: publicOrigin(), title: FEED_TITLE }, entries);
}
