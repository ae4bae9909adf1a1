"use client";

import { useSyncExternalStore } from "react";
import { dateTimeAttribute, formatDate, READER_DATE_SETTING, SITE_DATE_SETTING, type DateStyle } from "@/lib/dates/format";

const subscribe = () => () => {};

/**
 * A date in the reader's locale and time zone, machine-readable too. The server and the first
 * render in the browser write the site's default, so hydration matches; the browser then
 * rewrites it for the reader. `style` defaults to a calendar day (see lib/dates/format.ts).
 */
export function LocalDate({ value, style = "calendar-day" }: { value: string | Date; style?: DateStyle }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return <time dateTime={dateTimeAttribute(value, style)}>{formatDate(value, style, inBrowser ? READER_DATE_SETTING : SITE_DATE_SETTING)}</time>;
}
