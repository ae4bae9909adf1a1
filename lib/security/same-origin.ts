/**
 * Whether a write comes from the app's own pages. A browser names the page's origin in `Origin`
 * on every write it sends; one that sends no Origin still marks its own pages' requests with
 * `Sec-Fetch-Site: same-origin`. A request with neither is refused, since a forged form or a
 * script elsewhere is exactly what leaves them out or sets them wrong. The host compared against
 * is the one the client asked for: `X-Forwarded-Host` only behind a trusted proxy
 * (TRUST_PROXY=1), since anyone can send that header.
 */
export function isSameOriginWrite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "same-origin";
  const forwarded = process.env.TRUST_PROXY === "1" ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwarded || headers.get("host");
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
