import { dateTimeAttribute, formatDate, type DateStyle } from "@/lib/dates/format";
import { DATE_STYLE_ATTRIBUTE } from "@/lib/dates/localize-script";

/**
 * A date on a static public page: the site's default text, marked for the page's script to
 * rewrite in the reader's locale (lib/dates/localize-script.ts). No hooks, so the static
 * renderer can write it.
 */
export function PublicDate({ value, style = "calendar-day" }: { value: string | Date; style?: DateStyle }) {
  return (
    <time dateTime={dateTimeAttribute(value, style)} {...{ [DATE_STYLE_ATTRIBUTE]: style }}>
      {formatDate(value, style)}
    </time>
  );
}
