/**
 * The app's public origin, for absolute URLs (JSON-LD IRIs, structured data, feeds, share
 * cards): NEXTAUTH_URL (the public URL, see README) when set; else the Host the client used,
 * when answering a request (the server's own URL may be an internal address); else the local server.
 */
export function publicOrigin(request?: { headers: Headers; url: string }): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // An unusable setting falls back to the request's host or the local address rather than breaking pages.
    }
  }
  if (!request) return `http://localhost:${process.env.PORT ?? "3000"}`;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const protocol = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return host ? `${protocol}://${host}` : url.origin;
}
