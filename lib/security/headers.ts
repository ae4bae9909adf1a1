/**
 * Security headers for every response, and the Content-Security-Policy for pages.
 * Workspace pages are rendered per request, so their scripts carry a fresh nonce.
 * Public briefing pages are rendered once and cached: they get a policy without a
 * nonce, under which no inline script runs at all (they work as plain HTML).
 */
export function contentSecurityPolicy(options: { nonce: string | null; development: boolean }): string {
  const scripts = options.nonce ? `'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // React and the rich-text editor set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For an article's original file: a saved page may hold scripts, so nothing in it may run or load, even if a browser renders it. */
export const ORIGINAL_FILE_POLICY = "sandbox; default-src 'none'";

const ORIGINAL_FILE_PATH = /^\/articles\/[^/]+\/revisions\/[^/]+\/original\/?$/;

/** The original-file download (app/(workspace)/articles/[id]/revisions/[n]/original), which must keep ORIGINAL_FILE_POLICY. */
export function isOriginalFilePath(pathname: string): boolean {
  return ORIGINAL_FILE_PATH.test(pathname);
}

export { SECURITY_HEADERS } from "./base-headers.mjs";

export { isCachedPublicPage } from "./public-pages.mjs";
