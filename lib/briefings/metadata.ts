import type { Metadata } from "next";
import { briefingPath, FEED_TITLE, PUBLISHER_NAME } from "./site";
import type { PublicBriefing } from "./types";

/** The feed, announced in the head of every public page. */
export const FEED_ALTERNATES = { "application/atom+xml": [{ url: "/briefings/feed.xml", title: FEED_TITLE }] };

/** Title, description, canonical address and share cards (OpenGraph, Twitter) of a public briefing page. */
export function briefingMetadata(briefing: PublicBriefing): Metadata {
  const { version } = briefing;
  const title = briefing.retractedAt ? `Retracted: ${version.title}` : version.title;
  const description = version.summary ?? `A ${PUBLISHER_NAME} briefing with the source passages behind every statement.`;
  const canonical = briefingPath(briefing.slug);
  return {
    title,
    description,
    alternates: { canonical, types: FEED_ALTERNATES },
    openGraph: {
      type: "article",
      title,
      description,
      url: version.number === briefing.latestNumber ? canonical : briefingPath(briefing.slug, version.number),
      siteName: PUBLISHER_NAME,
      publishedTime: briefing.firstPublishedAt,
      modifiedTime: version.publishedAt,
      ...(version.authorName ? { authors: [version.authorName] } : {}),
    },
    twitter: { card: "summary", title, description },
  };
}
