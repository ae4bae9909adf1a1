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
