/** Where the public site lives, for absolute URLs in structured data, feeds and share cards. */

export const PUBLISHER_NAME = "Concord";
export const FEED_TITLE = `${PUBLISHER_NAME} briefings`;

export function briefingPath(slug: string, versionNumber?: number): string {
  return versionNumber === undefined ? `/briefings/${slug}` : `/briefings/${slug}/v/${versionNumber}`;
}
