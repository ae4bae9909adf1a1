/**
 * Calendar days as "day numbers" (days since 1970-01-01), so that adding days, weekdays and
 * month boundaries never depend on the server's (or the browser's) time zone.
 */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;
export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export const dayNumber = ({ year, month, day }: Ymd) => Date.UTC(year, month - 1, day) / MS_PER_DAY;

export function fromDayNumber(n: number): Ymd {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday, as in JavaScript and chrono. 1970-01-01 was a Thursday. */
export const weekdayOf = (n: number) => (((n + 4) % 7) + 7) % 7;

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export const isoDay = ({ year, month, day }: Ymd) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

export function parseIsoDay(s: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`publication date must be YYYY-MM-DD, got "${s}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}
