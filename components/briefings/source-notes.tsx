import type { ComponentType } from "react";
import type { CitationNote } from "@/lib/briefings/render";
import type { DateStyle } from "@/lib/dates/format";
import { LINK_REL } from "@/lib/html";
import { PublicDate } from "./public-date";

/**
 * The numbered notes under a briefing. Each is the target of its citations (#note-N): the
 * quoted passage, where and when it was published, a link to the original, and the passage
 * in its sentence behind a disclosure, all readable without signing in. Dates are written for
 * the static public page unless the workspace passes its own date component (`dateAs`).
 */
export function SourceNotes({
  notes,
  dateAs: DateView = PublicDate,
}: {
  notes: readonly CitationNote[];
  dateAs?: ComponentType<{ value: string; style?: DateStyle }>;
}) {
  if (notes.length === 0) return null;
  return (
    <section className="source-notes" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ol>
        {notes.map((note) => (
          <li key={note.number} id={`note-${note.number}`} className="source-note" tabIndex={-1}>
            <blockquote cite={note.url ?? undefined}>
              <p dir="auto">“{note.quote}”</p>
            </blockquote>
            <p className="source-meta">
              {note.outlet ? <span className="source-outlet">{note.outlet}</span> : null}
              {note.outlet ? ", " : null}
              <cite dir="auto">{note.articleTitle}</cite>
              {note.publishedAt ? (
                <>
                  , <DateView value={note.publishedAt} />
                </>
              ) : null}
              .{" "}
              {note.url ? (
                <a href={note.url} rel={LINK_REL}>
                  Read the original{note.outlet ? ` at ${note.outlet}` : ""}
                </a>
              ) : null}
            </p>
            <details className="source-context">
              <summary>The passage in context</summary>
              <p dir="auto">
                {note.before}
                <mark>{note.quote}</mark>
                {note.after}
              </p>
            </details>
            <a href={`#cite-${note.number}`} className="source-back" aria-label={`Back to the text citing source ${note.number}`}>
              ↩ Back to the text
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
