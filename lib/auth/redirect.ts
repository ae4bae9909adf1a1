/**
 * Where to send a user after signing in: `target` resolved against the app's `origin` the way a
 * browser resolves a link (WHATWG URL parsing, so "/\evil.example" or "/%09/evil.example" are
 * seen as the other hosts they are), accepted only when the result has the app's own origin.
 * Returns the absolute URL, or null for anything else (missing, unparsable, another origin).
 */
export function sameOriginTarget(target: unknown, origin: string): string | null {
  if (typeof target !== "string" || target === "") return null;
  try {
    const base = new URL(origin);
    const resolved = new URL(target, base);
    return resolved.origin === base.origin ? resolved.href : null;
  } catch {
    return null;
  }
}

/** The same check for a page that redirects within the app: the path, query and fragment, else `fallback`. */
export function sameOriginPath(target: unknown, origin: string, fallback: string): string {
  const resolved = sameOriginTarget(target, origin);
  if (!resolved) return fallback;
  const { pathname, search, hash } = new URL(resolved);
  // "//x" as a path would be read as the host x when the browser follows it.
  return `${pathname.replace(/^\/{2,}/, "/")}${search}${hash}`;
}

/**
 * `url` without a `callbackUrl` query parameter that leads off `origin`. next-auth answers a
 * callbackUrl it cannot parse ("http://host:3300.evil.example/") with a 500 before any callback
 * of ours runs; without the parameter it sends the user to the app's own pages.
 */
export function withoutForeignCallbackUrl(url: string, origin: string): string {
  const parsed = new URL(url);
  const values = parsed.searchParams.getAll("callbackUrl");
  if (values.length === 0) return url;
  parsed.searchParams.delete("callbackUrl");
  const [only] = values;
  const kept = values.length === 1 ? sameOriginTarget(only, origin) : null;
  if (kept) parsed.searchParams.set("callbackUrl", kept);
  return parsed.href;
}
