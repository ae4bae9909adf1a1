import { briefingPath } from "@/lib/briefings/site";
import type { PublicBriefing } from "@/lib/briefings/types";
import { BriefingBody } from "./briefing-body";
import { PublicDate } from "./public-date";
import { SourceNotes } from "./source-notes";

/**
 * A published version of a briefing as readers see it: frozen content, its update notes and
 * links to every version when there is more than one. Older versions say so and link the latest.
 * Static markup (no hooks, no client components): it is rendered to a script-free document.
 */
export function PublicBriefingArticle({ briefing }: { briefing: PublicBriefing }) {
  const { version } = briefing;
  const isLatest = version.number === briefing.latestNumber;
  const updates = briefing.versions.filter((item) => item.number > 1 && item.number <= version.number).reverse();
  return (
    <article className="public-briefing" aria-labelledby="briefing-title">
      <header className="public-briefing-header">
        {briefing.retractedAt ? (
          <div className="retraction-notice" role="note" aria-label="Retraction">
            <p>
              <strong>
                Retracted on <PublicDate value={briefing.retractedAt} style="day" />
              </strong>
              {briefing.retractionNote ? `: ${briefing.retractionNote}` : "."}
            </p>
            <p>The briefing is kept below as it was published, for the record.</p>
          </div>
        ) : null}
        {!isLatest ? (
          <p className="version-notice" role="note">
            You are reading version {version.number}, published <PublicDate value={version.publishedAt} style="timestamp" />.{" "}
            <a href={briefingPath(briefing.slug)}>Read the latest version</a>.
          </p>
        ) : null}
        <p className="kicker">Briefing</p>
        <h1 id="briefing-title">{version.title}</h1>
        {version.summary ? <p className="standfirst">{version.summary}</p> : null}
        <p className="byline">
          {version.authorName ? <>By {version.authorName} · </> : null}
          Published <PublicDate value={briefing.firstPublishedAt} style="day" />
          {version.number > 1 ? (
            <>
              {" "}
              · Updated <PublicDate value={version.publishedAt} style="timestamp" />
            </>
          ) : null}
        </p>
        {updates.length > 0 ? (
          <ul className="update-notes" aria-label="Updates">
            {updates.map((item) => (
              <li key={item.number}>
                Updated on <PublicDate value={item.publishedAt} style="timestamp" />
                {item.changeNote ? `: ${item.changeNote}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <BriefingBody html={version.html} timelines={version.timelines} />
      <SourceNotes notes={version.notes} />
      {briefing.versions.length > 1 ? (
        <nav className="briefing-versions" aria-labelledby="versions-heading">
          <h2 id="versions-heading">All versions</h2>
          <ol>
            {briefing.versions.map((item) => (
              <li key={item.number}>
                {item.number === version.number ? (
                  <span aria-current="page">Version {item.number}</span>
                ) : (
                  <a href={item.number === briefing.latestNumber ? briefingPath(briefing.slug) : briefingPath(briefing.slug, item.number)}>
                    Version {item.number}
                  </a>
                )}
                {", "}published <PublicDate value={item.publishedAt} style="timestamp" />
                {item.changeNote ? ` — ${item.changeNote}` : ""}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
    </article>
  );
}
