import { publicOrigin } from "@/lib/public-origin";
import { briefingPath, FEED_TITLE, PUBLISHER_NAME } from "./site";
import type { PublicBriefing } from "./types";

/** What the head of a public page says about it: title, description, canonical address and share cards. */
export type PublicPageHead = {
  title: string;
  description: string;
  /** Site-relative; made absolute against the public base URL. */
  path: string;
  canonicalPath?: string;
  article?: { publishedTime: string; modifiedTime: string; author: string | null };
};

export const FEED_PATH = "/briefings/feed.xml";

/** Absolute URL of a path on the public site. */
export function absoluteUrl(path: string): string {
  return new URL(path, publicOrigin()).toString();
}

export function briefingListHead(): PublicPageHead {
  return {
    title: `Briefings · ${PUBLISHER_NAME}`,
    description: "Published briefings: developing stories told from reviewed source passages, with what the sources disagree on.",
    path: "/briefings",
    canonicalPath: "/briefings",
  };
}

export function briefingHead(briefing: PublicBriefing): PublicPageHead {
  const { version } = briefing;
  const title = briefing.retractedAt ? `Retracted: ${version.title}` : version.title;
  const canonical = briefingPath(briefing.slug);
  return {
    title: `${title} · ${PUBLISHER_NAME}`,
    description: version.summary ?? `A ${PUBLISHER_NAME} briefing with the source passages behind every statement.`,
    path: version.number === briefing.latestNumber ? canonical : briefingPath(briefing.slug, version.number),
    canonicalPath: canonical,
    article: { publishedTime: briefing.firstPublishedAt, modifiedTime: version.publishedAt, author: version.authorName || null },
  };
}

export function notFoundHead(path: string): PublicPageHead {
  return { title: `Not found · ${PUBLISHER_NAME}`, description: "There is no published briefing at this address.", path };
}

export { FEED_TITLE };
