import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { purgePublicPageCache } from "@/lib/server/public-page-cache.mjs";
import { buildPublicFeed, getPublicBriefing, listPublishedBriefings } from "./public";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "./slug";
import type { PublicBriefing, PublicBriefingListItem } from "./types";

/**
 * The public pages read published briefings through Next's data cache: a version is frozen,
 * so a page is built from the database once and then served from the cache until the next
 * publication or retraction purges it (revalidatePublicBriefing). No query per view.
 */

const ALL_BRIEFINGS_TAG = "public-briefings";
const briefingTag = (slug: string) => `public-briefing:${slug}`;

/**
 * A briefing's version (default: the latest) as `render` makes it into a page, kept rendered: the
 * cache holds the page, not the data it is made of, so a view costs neither a query nor a render
 * (rendering per view took most of the time and the garbage of every page Next.js served).
 * `render` must return plain JSON.
 */
export async function getCachedPublicBriefingPage<T>(slug: string, number: number | undefined, render: (briefing: PublicBriefing) => T): Promise<T | null> {
  // Addresses that cannot exist are answered without a cache entry or a query, and so are
  // well-formed ones that name no published briefing or version: the cache holds only real pages.
  if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) return null;
  const listed = (await getCachedPublishedBriefings()).find((item) => item.slug === slug);
  if (!listed || (number !== undefined && (number < 1 || number > listed.latestNumber))) return null;
  return unstable_cache(
    async () => {
      const briefing = await getPublicBriefing(slug, number);
      return briefing ? render(briefing) : null;
    },
    ["public-briefing-page", slug, String(number ?? "latest")],
    { tags: [ALL_BRIEFINGS_TAG, briefingTag(slug)] },
  )();
}

export const getCachedPublishedBriefings: () => Promise<PublicBriefingListItem[]> = unstable_cache(() => listPublishedBriefings(), ["public-briefings-list"], {
  tags: [ALL_BRIEFINGS_TAG],
});

export const getCachedPublicFeed = unstable_cache(() => buildPublicFeed(), ["public-briefings-feed"], { tags: [ALL_BRIEFINGS_TAG] });

/**
 * Purges the public pages and feed of a briefing right away: run once after a publication or
 * retraction commits (lib/briefings/mutations.ts). The production server's page copies are
 * dropped wherever this runs; Next.js's own cache exists only inside Next.js, whose bundles
 * define NEXT_RUNTIME, so command-line scripts and tests skip it.
 */
export function revalidatePublicBriefing(slug: string): void {
  purgePublicPageCache();
  if (!process.env.NEXT_RUNTIME) return;
  revalidateTag(briefingTag(slug), { expire: 0 });
  revalidateTag(ALL_BRIEFINGS_TAG, { expire: 0 });
}
