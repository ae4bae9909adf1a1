/** Where rendered briefing HTML leaves room for a timeline picture; apart from the renderer so the browser can split without sanitize-html. */
const TIMELINE_SLOT = /<figure class="briefing-timeline" data-timeline="(\d+)"><\/figure>/g;

export type HtmlSegment = { kind: "html"; html: string } | { kind: "timeline"; index: number };

/** Splits rendered HTML at its timeline slots, where the page draws the timeline picture. */
export function splitAtTimelines(html: string): HtmlSegment[] {
  const segments: HtmlSegment[] = [];
  let last = 0;
  for (const match of html.matchAll(TIMELINE_SLOT)) {
    if (match.index > last) segments.push({ kind: "html", html: html.slice(last, match.index) });
    segments.push({ kind: "timeline", index: Number(match[1]) });
    last = match.index + match[0].length;
  }
  if (last < html.length) segments.push({ kind: "html", html: html.slice(last) });
  return segments;
}
