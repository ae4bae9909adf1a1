/** Date labels for briefings, fixed to UTC and English so a frozen page reads the same everywhere. Pure module. */

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const DAY_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

/** "19 May 2025" for an ISO date or instant. */
export function formatDay(iso: string): string {
  return DAY.format(new Date(iso));
}

/** "19 May 2025, 14:05 UTC". */
export function formatDayTime(iso: string): string {
  return `${DAY_TIME.format(new Date(iso)).replace(" at ", ", ")} UTC`;
}
