"use client";

import { useSyncExternalStore } from "react";
import { type DateSetting, type DateStyle, dateTimeAttribute, formatDate, READER_DATE_SETTING, SITE_DATE_SETTING } from "@/lib/dates/format";

const subscribe = () => () => {};

/**
 * A date in the reader's locale and time zone, machine-readable too. The server and the first
 * render in the browser write the site's default, so hydration matches; the browser then
 * rewrites it for the reader. `style` defaults to a calendar day (see lib/dates/format.ts).
 */
export function LocalDate({ value, style = "calendar-day" }: { value: string | Date; style?: DateStyle }) {
  return <time dateTime={dateTimeAttribute(value, style)}>{formatDate(value, style, useDateSetting())}</time>;
}

/** The site's default while the server and hydration render, the reader's own after. */
export function useDateSetting(): DateSetting {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return inBrowser ? READER_DATE_SETTING : SITE_DATE_SETTING;
}

/** LocalDate as bare text, where no `<time>` may go (inside SVG text). */
export function LocalDateText({ value, style }: { value: string | Date; style: DateStyle }) {
  return formatDate(value, style, useDateSetting());
}
