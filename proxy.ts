import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isCachedPublicPage, isOriginalFilePath, ORIGINAL_FILE_POLICY, SECURITY_HEADERS } from "@/lib/security/headers";

/** Adds the security headers and, for pages rendered per request, a CSP nonce that Next.js applies to its scripts. */
export function proxy(request: NextRequest) {
  const nonce = isCachedPublicPage(request.nextUrl.pathname) ? null : btoa(crypto.randomUUID());
  // The header set here replaces the route's own, so the original-file download gets its sandbox here.
  const policy = isOriginalFilePath(request.nextUrl.pathname)
    ? ORIGINAL_FILE_POLICY
    : contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  if (nonce) requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
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
