// @ts-check
// JavaScript so that the production server (scripts/serve.mjs) can load it with plain Node.js.

/** @type {Record<string, string>} Headers every response carries (lib/security/headers.ts adds the page policy). */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The methods the app answers. */
export const ANSWERED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * Answers a request whose method the app does not serve (TRACE, CONNECT, made-up ones) with a 405
 * and the security headers, before Next.js: it cannot even represent TRACE or CONNECT as a
 * request (the Fetch standard forbids them) and answered them with a bare 500.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @returns {boolean} whether it answered
 */
export function refuseUnansweredMethod(request, response) {
  if (ANSWERED_METHODS.includes(request.method ?? "")) return false;
  response.writeHead(405, {
    ...SECURITY_HEADERS,
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Content-Type": "application/json",
    Allow: ANSWERED_METHODS.join(", "),
  });
  response.end(JSON.stringify({ error: "This method is not allowed.", code: "method_not_allowed" }));
  return true;
}
