import { briefingHead, briefingListHead, notFoundHead } from "@/lib/briefings/metadata";
import { briefingPath } from "@/lib/briefings/site";
import type { PublicBriefing, PublicBriefingListItem } from "@/lib/briefings/types";
import { PublicBriefingArticle } from "./public-briefing";
import { PublicDate } from "./public-date";
import { PublicDocument } from "./public-document";

/** The public site's pages as whole documents, for public-response.tsx to render. */

export function BriefingListDocument({ briefings, styles }: { briefings: readonly PublicBriefingListItem[]; styles: string }) {
  return (
    <PublicDocument head={briefingListHead()} styles={styles}>
      <h1>Briefings</h1>
      {briefings.length === 0 ? (
        <p>No briefing has been published yet.</p>
      ) : (
        <ul className="public-briefing-list">
          {briefings.map((briefing) => (
            <li key={briefing.slug}>
              <h2>
                <a href={briefingPath(briefing.slug)}>{briefing.title}</a>
              </h2>
              {briefing.summary ? <p>{briefing.summary}</p> : null}
              <p className="meta">
                {briefing.retractedAt ? <span className="retracted-label">Retracted · </span> : null}
                Published <PublicDate value={briefing.firstPublishedAt} style="day" />
                {briefing.latestNumber > 1 ? (
                  <>
                    {" "}
                    · updated <PublicDate value={briefing.updatedAt} style="day" />
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        <a href="/signin">Newsroom sign-in</a>
      </p>
    </PublicDocument>
  );
}

export function BriefingDocument({ briefing, styles }: { briefing: PublicBriefing; styles: string }) {
  return (
    <PublicDocument head={briefingHead(briefing)} styles={styles} jsonLd={briefing.version.jsonLd}>
      <PublicBriefingArticle briefing={briefing} />
    </PublicDocument>
  );
}

/** An address on the public site with nothing published at it: the site's frame and the ways on. */
export function PublicNotFoundDocument({ path, styles, briefing }: { path: string; styles: string; briefing?: { slug: string; title: string } }) {
  return (
    <PublicDocument head={notFoundHead(path)} styles={styles}>
      <h1>Not found</h1>
      {briefing ? (
        <p>
          “{briefing.title}” has no such version. <a href={briefingPath(briefing.slug)}>Read the latest version</a>.
        </p>
      ) : (
        <p>There is no published briefing at this address. It may have been mistyped, or it was never published.</p>
      )}
      <p>
        <a href="/briefings">See all published briefings</a>
      </p>
    </PublicDocument>
  );
}
