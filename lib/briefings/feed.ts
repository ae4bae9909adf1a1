/** The Atom feed of published briefings (RFC 4287). Pure module. */
import type { CitationNote, TimelineData } from "./render";
import { splitAtTimelines } from "./timeline-slots";

export type FeedEntry = {
  slug: string;
  title: string;
  summary: string | null;
  /** The latest version's sanitized HTML, with its timeline slots. */
  html: string;
  /** What the slots and the citations point at: drawn in the feed as lists. */
  timelines: readonly TimelineData[];
  notes: readonly CitationNote[];
  firstPublishedAt: string;
  updatedAt: string;
  version: number;
  changeNote: string | null;
  authorName: string;
  retractedAt: string | null;
  retractionNote: string | null;
};

export type FeedSite = { baseUrl: string; title: string };

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function xml(text: string): string {
  // Control characters other than tab and newlines are not allowed in XML 1.0.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);
}

export function buildAtomFeed(site: FeedSite, entries: readonly FeedEntry[]): string {
  const feedUrl = `${site.baseUrl}/briefings/feed.xml`;
  // biome-ignore lint/complexity/useMathMinMax: ISO timestamps compare as strings; Math.max would turn them into numbers.
  const updated = entries.reduce((latest, entry) => (entry.updatedAt > latest ? entry.updatedAt : latest), "1970-01-01T00:00:00.000Z");
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xml(site.title)}</title>`,
    `  <id>${xml(feedUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${site.baseUrl}/briefings`)}"/>`,
    `  <updated>${updated}</updated>`,
    ...entries.flatMap((entry) => entryLines(site, entry)),
    "</feed>",
  ];
  return `${lines.join("\n")}\n`;
}

function entryLines(site: FeedSite, entry: FeedEntry): string[] {
  const url = `${site.baseUrl}/briefings/${entry.slug}`;
  const retracted = entry.retractedAt !== null;
  const title = retracted ? `Retracted: ${entry.title}` : entry.title;
  const notice = retracted
    ? `<p><strong>Retracted${entry.retractionNote ? `: ${xmlText(entry.retractionNote)}` : "."}</strong></p>`
    : entry.changeNote && entry.version > 1
      ? `<p><em>Updated: ${xmlText(entry.changeNote)}</em></p>`
      : "";
  return [
    "  <entry>",
    `    <title>${xml(title)}</title>`,
    `    <id>${xml(url)}</id>`,
    `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
    `    <published>${entry.firstPublishedAt}</published>`,
    `    <updated>${retracted ? entry.retractedAt : entry.updatedAt}</updated>`,
    `    <author><name>${xml(entry.authorName)}</name></author>`,
    ...(entry.summary ? [`    <summary>${xml(entry.summary)}</summary>`] : []),
    `    <content type="html">${xml(notice + entryHtml(entry))}</content>`,
    "  </entry>",
  ];
}

/** Plain text placed inside the entry's HTML content (escaped once for HTML; `xml` escapes it again for XML). */
function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);
}

/**
 * The entry's HTML as a feed reader can show it: each timeline as a list of its events (a
 * feed cannot draw the picture) and the numbered sources the citations (#note-N) point at.
 */
function entryHtml(entry: FeedEntry): string {
  const body = splitAtTimelines(entry.html)
    .map((segment) => (segment.kind === "html" ? segment.html : timelineList(entry.timelines[segment.index])))
    .join("");
  if (entry.notes.length === 0) return body;
  const notes = entry.notes.map((note) => {
    const source = [note.outlet, note.articleTitle]
      .filter(Boolean)
      .map((part) => xmlText(part!))
      .join(", ");
    const link = note.url ? ` <a href="${xmlText(note.url)}">Read the original</a>` : "";
    return `<li id="note-${note.number}">“${xmlText(note.quote)}” (${source})${link}</li>`;
  });
  return `${body}<h2>Sources</h2><ol>${notes.join("")}</ol>`;
}

function timelineList(timeline: TimelineData | undefined): string {
  if (!timeline || timeline.entries.length === 0) return "";
  const items = timeline.entries.map((item) => `<li><strong>${xmlText(item.dateLabel ?? "Date unknown")}</strong>: ${xmlText(item.title)}</li>`);
  return `<ul>${items.join("")}</ul>`;
}
