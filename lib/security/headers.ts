/**
 * Security headers for every response, and the Content-Security-Policy for pages.
 * Workspace pages are rendered per request, so their scripts carry a fresh nonce.
 * Public briefing pages are rendered once and cached: they get a policy without a
 * nonce, under which no inline script runs at all (they work as plain HTML).
 */
export function contentSecurityPolicy(options: { nonce: string | null; development: boolean }): string {
  const scripts = options.nonce
    ? `'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`
    : "'self'";
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

export { SECURITY_HEADERS } from "./base-headers.mjs";

export { isCachedPublicPage } from "./public-pages.mjs";
