import type { Metadata } from "next";
import Link from "next/link";
import { formatDay } from "@/lib/briefings/format";
import { getCachedPublishedBriefings } from "@/lib/briefings/public-cache";
import { briefingPath, FEED_TITLE } from "@/lib/briefings/site";

export const metadata: Metadata = {
  title: "Briefings",
  description: "Published briefings: developing stories told from reviewed source passages, with what the sources disagree on.",
  openGraph: { title: FEED_TITLE, type: "website", url: "/briefings" },
  twitter: { card: "summary", title: FEED_TITLE },
};

// Rendered per request from the data cache (purged on publish): no database query per view, none at build time.
export const dynamic = "force-dynamic";

export default async function PublicBriefingsPage() {
  const briefings = await getCachedPublishedBriefings();
  return (
    <main id="main" className="public-main">
      <h1>Briefings</h1>
      {briefings.length === 0 ? (
        <p>No briefing has been published yet.</p>
      ) : (
        <ul className="public-briefing-list">
          {briefings.map((briefing) => (
            <li key={briefing.slug}>
              <h2><Link href={briefingPath(briefing.slug)}>{briefing.title}</Link></h2>
              {briefing.summary ? <p>{briefing.summary}</p> : null}
              <p className="meta">
                {briefing.retractedAt ? <span className="retracted-label">Retracted · </span> : null}
                Published <time dateTime={briefing.firstPublishedAt}>{formatDay(briefing.firstPublishedAt)}</time>
                {briefing.latestNumber > 1 ? <> · updated <time dateTime={briefing.updatedAt}>{formatDay(briefing.updatedAt)}</time></> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="muted"><Link href="/signin">Newsroom sign-in</Link></p>
    </main>
  );
}
