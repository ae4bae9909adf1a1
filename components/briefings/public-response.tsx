import "server-only";
import { createHash } from "node:crypto";
import type { ReactElement } from "react";
import { BriefingDocument, BriefingListDocument, PublicNotFoundDocument } from "./public-pages";
import { PUBLIC_PAGE_HEADER } from "@/lib/security/public-pages.mjs";
import { getCachedPublicBriefingPage, getCachedPublishedBriefings } from "@/lib/briefings/public-cache";
import { publicSiteStyles, renderHtmlDocument } from "@/lib/briefings/static-html";

/**
 * The public pages' HTTP answers: whole static documents (see static-html.ts); a briefing's page
 * is kept rendered in the data cache. Unknown addresses get the site's 404 page, which nothing caches.
 */

type PublicPage = { html: string; etag: string };

function publicPage(element: ReactElement): PublicPage {
  const html = renderHtmlDocument(element);
  return { html, etag: `"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"` };
}

function pageResponse(page: PublicPage): Response {
  return new Response(page.html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      [PUBLIC_PAGE_HEADER]: "1",
      etag: page.etag,
      // Browsers ask again each time (the ETag makes that cheap); a CDN may keep the page until a publication purges it.
      "cache-control": "public, max-age=0, s-maxage=31536000",
    },
  });
}

function notFoundResponse(element: ReactElement): Response {
  return new Response(renderHtmlDocument(element), { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

export async function publicBriefingListResponse(): Promise<Response> {
  return pageResponse(publicPage(<BriefingListDocument briefings={await getCachedPublishedBriefings()} styles={publicSiteStyles()} />));
}

/** A briefing's latest version, or the version `number` given as it appears in the address. */
export async function publicBriefingResponse(path: string, slug: string, number?: string): Promise<Response> {
  const wanted = number === undefined ? undefined : /^[1-9]\d{0,5}$/.test(number) ? Number(number) : 0;
  const page =
    wanted === 0
      ? null
      : await getCachedPublicBriefingPage(slug, wanted, (briefing) => publicPage(<BriefingDocument briefing={briefing} styles={publicSiteStyles()} />));
  if (page) return pageResponse(page);
  const listed = number === undefined ? undefined : (await getCachedPublishedBriefings()).find((item) => item.slug === slug);
  return notFoundResponse(<PublicNotFoundDocument path={path} styles={publicSiteStyles()} briefing={listed} />);
}

export function publicNotFoundResponse(path: string): Response {
  return notFoundResponse(<PublicNotFoundDocument path={path} styles={publicSiteStyles()} />);
}
