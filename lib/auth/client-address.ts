/** Set by the production server (scripts/serve.mjs) from the connection itself, replacing any value a client sent. */
export const CLIENT_ADDRESS_HEADER = "x-concord-client-address";

/**
 * The address a request came from, for rate limits. Behind a reverse proxy (TRUST_PROXY=1) that
 * is the first hop the proxy recorded; otherwise the connection's address, since anyone can send
 * an X-Forwarded-For header and would otherwise pick a fresh address for every guess. "local"
 * when neither is known (the development server).
 */
export function clientAddress(headers: Headers | Record<string, unknown> | undefined): string {
  const get = (name: string): string | undefined => {
    const value = headers instanceof Headers ? headers.get(name) : headers?.[name];
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };
  if (process.env.TRUST_PROXY === "1") {
    const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
    const proxied = forwarded || get("x-real-ip");
    if (proxied) return proxied;
  }
  return get(CLIENT_ADDRESS_HEADER) ?? "local";
}
