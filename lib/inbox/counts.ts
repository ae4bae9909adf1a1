/**
 * Inbox sections are counted up to this many items: the number tells how much work waits, and
 * counting a backlog of hundreds of thousands exactly on every page (the header shows the total)
 * cost half a second at 100,000 articles.
 */
export const INBOX_COUNT_LIMIT = 999;

/** A section's or the inbox's count as shown: "999+" beyond the limit. */
export function inboxCountLabel(count: number): string {
  return count > INBOX_COUNT_LIMIT ? `${INBOX_COUNT_LIMIT}+` : String(count);
}
