import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isCachedPublicPage, isOriginalFilePath, ORIGINAL_FILE_POLICY, SECURITY_HEADERS } from "@/lib/security/headers";
import { isSameOriginWrite } from "@/lib/security/same-origin";

/**
 * Adds the security headers and, for pages rendered per request, a CSP nonce that Next.js applies
 * to its scripts. Requests no route can answer sensibly are refused first, in one place: a path
 * segment that is not valid percent-encoded UTF-8 (400), and a server action posted from another
 * origin (403), both of which Next.js would otherwise answer with a 500. (Unknown methods are
 * refused by the production server, scripts/serve.mjs, before Next.js.)
 */
export function proxy(request: NextRequest) {
  const refusal = refuse(request);
  if (refusal) return withSecurityHeaders(refusal, request, contentSecurityPolicy({ nonce: null, development: false }));
  const nonce = isCachedPublicPage(request.nextUrl.pathname) ? null : btoa(crypto.randomUUID());
  // The header set here replaces the route's own, so the original-file download gets its sandbox here.
  const policy = isOriginalFilePath(request.nextUrl.pathname)
    ? ORIGINAL_FILE_POLICY
    : contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  if (nonce) requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), request, policy);
}

function refuse(request: NextRequest): Response | null {
  const api = request.nextUrl.pathname.startsWith("/api/");
  if (!isDecodablePath(request.nextUrl.pathname)) return failure(400, "bad_request", "The address is not valid.", api);
  if (request.method === "POST" && request.headers.has("next-action") && !isSameOriginWrite(request.headers)) {
    return failure(403, "forbidden", "Cross-site requests are not accepted.", true);
  }
  return null;
}

/** Whether every segment of the path decodes as percent-encoded UTF-8 ("%FF", "%" and encoded lone surrogates do not). */
function isDecodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** API clients get the app's error body (lib/errors.ts); pages get a line of text. */
function failure(status: number, code: string, message: string, json: boolean): Response {
  return json
    ? Response.json({ error: message, code }, { status })
    : new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function withSecurityHeaders<R extends Response>(response: R, request: NextRequest, policy: string): R {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (process.env.NODE_ENV === "production" && request.nextUrl.protocol === "https:") {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

export const config = {
  // Static assets and images need no policy of their own.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
