// @ts-check
// JavaScript so that the production server (scripts/serve.mjs) can load it with plain Node.js.

/**
 * Public briefing pages: served from a cache, so they cannot carry a per-request nonce.
 * @param {string} pathname
 * @returns {boolean}
 */
export function isCachedPublicPage(pathname) {
  return pathname === "/briefings" || pathname.startsWith("/briefings/");
}

/** Marks a response as a public page, the only kind the server's page copies keep. */
export const PUBLIC_PAGE_HEADER = "x-concord-public-page";
