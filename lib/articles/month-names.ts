/**
 * Dates written with a month's name in languages chrono has no parser for: Arabic (the names of
 * Egypt and the Gulf, of the Levant and Iraq, and of the Maghreb), Greek and Hebrew, as a news
 * page's header writes them: the day, the month (Arabic pages often give two names, "مايو/أيار"),
 * the year ("19 مايو 2025", "19 Μαΐου 2025", "19 במאי 2025"), in Western digits (text-metadata.ts
 * reads Arabic-Indic ones as those).
 */
import * as chrono from "chrono-node";

/** Each language's names of each month, January first. */
const MONTHS: Record<string, string[][]> = {
  ar: [
    ["يناير", "كانون الثاني", "جانفي"],
    ["فبراير", "شباط", "فيفري"],
    ["مارس", "آذار"],
    ["أبريل", "إبريل", "ابريل", "نيسان", "أفريل"],
    ["مايو", "أيار", "ماي"],
    ["يونيو", "يونيه", "حزيران", "جوان"],
    ["يوليو", "يوليه", "تموز", "جويلية", "يوليوز"],
    ["أغسطس", "اغسطس", "آب", "أوت", "غشت"],
    ["سبتمبر", "أيلول", "شتنبر"],
    ["أكتوبر", "اكتوبر", "تشرين الأول"],
    ["نوفمبر", "تشرين الثاني", "نونبر"],
    ["ديسمبر", "كانون الأول", "دجنبر"],
  ],
  el: [
    ["Ιανουαρίου", "Ιανουάριος"],
    ["Φεβρουαρίου", "Φεβρουάριος"],
    ["Μαρτίου", "Μάρτιος"],
    ["Απριλίου", "Απρίλιος"],
    ["Μαΐου", "Μάιος"],
    ["Ιουνίου", "Ιούνιος"],
    ["Ιουλίου", "Ιούλιος"],
    ["Αυγούστου", "Αύγουστος"],
    ["Σεπτεμβρίου", "Σεπτέμβριος"],
    ["Οκτωβρίου", "Οκτώβριος"],
    ["Νοεμβρίου", "Νοέμβριος"],
    ["Δεκεμβρίου", "Δεκέμβριος"],
  ],
  he: [["ינואר"], ["פברואר"], ["מרץ", "מרס"], ["אפריל"], ["מאי"], ["יוני"], ["יולי"], ["אוגוסט"], ["ספטמבר"], ["אוקטובר"], ["נובמבר"], ["דצמבר"]],
};

function monthNamesParser(months: string[][]): chrono.Chrono {
  const monthOf = new Map(months.flatMap((names, i) => names.map((name) => [name.toLowerCase(), i + 1] as const)));
  // Longest first: "ماي" is the start of "مايو".
  const names = [...monthOf.keys()].sort((a, b) => b.length - a.length).join("|");
  // Hebrew writes "in" onto the month ("במאי"); a second name follows a slash or stands in brackets.
  const pattern = new RegExp(
    String.raw`(?<!\d)([1-9]|[12]\d|3[01])\.?\s+(?:ב-?)?(${names})(?:\s*[/(]\s*(?:${names})\s*\)?)?[,،]?\s+((?:19|20)\d{2})(?!\d)`,
    "iu",
  );
  return new chrono.Chrono({
    parsers: [
      {
        pattern: () => pattern,
        extract: (_context, match) => ({ day: Number(match[1]), month: monthOf.get(match[2].toLowerCase())!, year: Number(match[3]) }),
      },
    ],
    refiners: [],
  });
}

/** A parser of each language's dates with a month's name, by language code. */
export const MONTH_NAME_PARSERS: Record<string, chrono.Chrono> = Object.fromEntries(
  Object.entries(MONTHS).map(([language, months]) => [language, monthNamesParser(months)]),
);
