import "server-only";
import { createHash } from "node:crypto";
import type { ReactElement } from "react";
import { BriefingDocument, BriefingListDocument, PublicNotFoundDocument } from "./public-pages";
import { PUBLIC_PAGE_HEADER } from "@/lib/security/public-pages.mjs";
import { getCachedPublicBriefing, getCachedPublishedBriefings } from "@/lib/briefings/public-cache";
import { publicSiteStyles, renderHtmlDocument } from "@/lib/briefings/static-html";

/**
 * The public pages' HTTP answers: whole static documents (see static-html.ts), built from the
 * data cache. Unknown addresses get the site's 404 page, which nothing caches.
 */

function htmlResponse(element: ReactElement, status: number): Response {
  const html = renderHtmlDocument(element);
  const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
  if (status === 200) {
    headers[PUBLIC_PAGE_HEADER] = "1";
    headers.etag = `"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"`;
    // Browsers ask again each time (the ETag makes that cheap); a CDN may keep the page until a publication purges it.
    headers["cache-control"] = "public, max-age=0, s-maxage=31536000";
  } else {
    headers["cache-control"] = "no-store";
  }
  return new Response(html, { status, headers });
}

export async function publicBriefingListResponse(): Promise<Response> {
  return htmlResponse(<BriefingListDocument briefings={await getCachedPublishedBriefings()} styles={publicSiteStyles()} />, 200);
}

/** A briefing's latest version, or the version `number` given as it appears in the address. */
export async function publicBriefingResponse(path: string, slug: string, number?: string): Promise<Response> {
  const wanted = number === undefined ? undefined : /^[1-9]\d{0,5}$/.test(number) ? Number(number) : 0;
  const briefing = wanted === 0 ? null : await getCachedPublicBriefing(slug, wanted);
  if (briefing) return htmlResponse(<BriefingDocument briefing={briefing} styles={publicSiteStyles()} />, 200);
  const listed = number === undefined ? undefined : (await getCachedPublishedBriefings()).find((item) => item.slug === slug);
  return htmlResponse(<PublicNotFoundDocument path={path} styles={publicSiteStyles()} briefing={listed} />, 404);
}

export function publicNotFoundResponse(path: string): Response {
  return htmlResponse(<PublicNotFoundDocument path={path} styles={publicSiteStyles()} />, 404);
}
