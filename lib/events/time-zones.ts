/** IANA time zones: validation, zones named in news copy, and wall-clock time in a zone. */

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Abbreviations as written in news copy. Ambiguous ones (IST: India, Israel or Ireland) are left out. */
export const ZONE_ABBREVIATIONS: Record<string, string> = {
  ET: "America/New_York",
  EDT: "America/New_York",
  EST: "America/New_York",
  CT: "America/Chicago",
  CDT: "America/Chicago",
  CST: "America/Chicago",
  MT: "America/Denver",
  MDT: "America/Denver",
  MST: "America/Denver",
  PT: "America/Los_Angeles",
  PDT: "America/Los_Angeles",
  PST: "America/Los_Angeles",
  GMT: "UTC",
  UTC: "UTC",
  BST: "Europe/London",
  CET: "Europe/Berlin",
  CEST: "Europe/Berlin",
  EET: "Europe/Athens",
  EEST: "Europe/Athens",
  MSK: "Europe/Moscow",
  JST: "Asia/Tokyo",
  KST: "Asia/Seoul",
  HKT: "Asia/Hong_Kong",
  SGT: "Asia/Singapore",
  AEST: "Australia/Sydney",
  AEDT: "Australia/Sydney",
};

/** "<place> time" for places that are not the city in an IANA zone name. */
const ZONE_PLACE_ALIASES: Record<string, string> = {
  eastern: "America/New_York",
  central: "America/Chicago",
  mountain: "America/Denver",
  pacific: "America/Los_Angeles",
  washington: "America/New_York",
  greenwich: "UTC",
  universal: "UTC",
  british: "Europe/London",
  beijing: "Asia/Shanghai",
  kyiv: "Europe/Kyiv",
  kiev: "Europe/Kyiv",
  ukrainian: "Europe/Kyiv",
  delhi: "Asia/Kolkata",
  "new delhi": "Asia/Kolkata",
  israel: "Asia/Jerusalem",
  "tel aviv": "Asia/Jerusalem",
};

let zonesByPlace: Map<string, string> | undefined;

/** "Moscow" → Europe/Moscow, "New York" → America/New_York: the city part of every IANA zone. */
function zoneForPlace(place: string): string | undefined {
  const key = place.toLowerCase();
  if (ZONE_PLACE_ALIASES[key]) return ZONE_PLACE_ALIASES[key];
  zonesByPlace ??= new Map(Intl.supportedValuesOf("timeZone").map((zone) => [zone.split("/").pop()!.replace(/_/g, " ").toLowerCase(), zone]));
  return zonesByPlace.get(key);
}

const ABBREVIATION_ALTERNATIVES = Object.keys(ZONE_ABBREVIATIONS).join("|");
export const ZONE_ABBREVIATION_PATTERN = new RegExp(`\\b(${ABBREVIATION_ALTERNATIVES})\\b`);
const ZONE_TEXT = `(?:${ABBREVIATION_ALTERNATIVES})\\b|\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)? time\\b`;
/** " ET", " (EDT)", " Moscow time", " (New York time)" right after a time. */
export const ZONE_AFTER_TIME = new RegExp(`^(?:\\s*\\((${ZONE_TEXT})\\)|\\s+(${ZONE_TEXT}))`, "u");

/** "ET", "Moscow time" → an IANA zone, or undefined. */
export function zoneFromText(zoneText: string): string | undefined {
  return ZONE_ABBREVIATIONS[zoneText] ?? zoneForPlace(zoneText.replace(/ time$/, ""));
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatterCache.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at an instant, expressed as if it were UTC milliseconds. */
export function wallClockMs(utcMs: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of wallClockFormatter(zone).formatToParts(new Date(utcMs))) parts[p.type] = Number(p.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** Wall-clock time in `zone` → UTC ms. Two passes settle the offset around DST changes. */
export function zonedToUtcMs(wallMs: number, zone: string): number {
  const firstGuess = wallMs - (wallClockMs(wallMs, zone) - wallMs);
  return wallMs - (wallClockMs(firstGuess, zone) - firstGuess);
}
