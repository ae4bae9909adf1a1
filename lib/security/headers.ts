import { createHash } from "node:crypto";
import { LOCALIZE_DATES_SCRIPT } from "@/lib/dates/localize-script";

/**
 * Security headers for every response, and the Content-Security-Policy for pages.
 * Workspace pages are rendered per request, so their scripts carry a fresh nonce.
 * Public briefing pages are rendered once and cached: they get a policy without a
 * nonce, under which the only inline script that runs is the one whose hash it names
 * (the dates in the reader's locale); the pages work as plain HTML without it.
 */
const LOCALIZE_DATES_HASH = `'sha256-${createHash("sha256").update(LOCALIZE_DATES_SCRIPT).digest("base64")}'`;

export function contentSecurityPolicy(options: { nonce: string | null; development: boolean }): string {
  const scripts = options.nonce
    ? `'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`
    : `'self' ${LOCALIZE_DATES_HASH}`;
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
