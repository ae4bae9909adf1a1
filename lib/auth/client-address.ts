/**
 * The address a request came from, for rate limits: the first hop a proxy recorded, else
 * "local" (a request straight to this server). Works with Fetch headers and plain objects.
 */
export function clientAddress(headers: Headers | Record<string, unknown> | undefined): string {
  const get = (name: string): unknown => (headers instanceof Headers ? headers.get(name) : headers?.[name]);
  const forwarded = get("x-forwarded-for");
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = get("x-real-ip");
  return first || (typeof real === "string" && real ? real : "local");
}
