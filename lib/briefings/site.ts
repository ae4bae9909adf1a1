/** Where the public site lives, for absolute URLs in structured data, feeds and share cards. */

export const PUBLISHER_NAME = "Concord";
export const FEED_TITLE = `${PUBLISHER_NAME} briefings`;

/** NEXTAUTH_URL (the app's public URL, see README) without a trailing slash, else the local server. */
export function publicBaseUrl(): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // An unusable setting falls through to the local address rather than breaking the public pages.
    }
  }
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}

export function briefingPath(slug: string, versionNumber?: number): string {
  return versionNumber === undefined ? `/briefings/${slug}` : `/briefings/${slug}/v/${versionNumber}`;
}
