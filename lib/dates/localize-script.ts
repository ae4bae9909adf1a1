import { DATE_STYLES } from "./format";

/** Marks a `<time>` of a static page with its DateStyle, for the script below to rewrite. */
export const DATE_STYLE_ATTRIBUTE = "data-date-style";

/** The date of a marked element that is not a `<time>` (an SVG text), as an ISO string. */
export const DATE_VALUE_ATTRIBUTE = "data-date";

/**
 * The public pages' one script: rewrites each marked `<time>` (or SVG text) in the reader's locale and time
 * zone, with the same styles as the workspace. The pages are static and cached for everyone, so
 * this cannot happen on the server; without JavaScript the site's default text stays. It runs
 * inline at the end of the body (no request, nothing to wait for) and is allowed by its hash in
 * the pages' Content-Security-Policy (lib/security/headers.ts).
 */
export const LOCALIZE_DATES_SCRIPT = `(()=>{const s=${JSON.stringify(DATE_STYLES)};for(const t of document.querySelectorAll("[${DATE_STYLE_ATTRIBUTE}]")){const o=s[t.getAttribute("${DATE_STYLE_ATTRIBUTE}")],d=new Date(t.getAttribute("datetime")??t.getAttribute("${DATE_VALUE_ATTRIBUTE}"));if(o&&!isNaN(d))t.textContent=new Intl.DateTimeFormat(undefined,o).format(d)}})()`;
