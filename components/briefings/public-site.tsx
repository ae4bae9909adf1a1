import Link from "next/link";
import { FEED_TITLE } from "@/lib/briefings/site";
import "./public-briefing.css";

/** The frame of the public pages: a banner with the site name and a footer with the feed. */
export function PublicSiteHeader() {
  return (
    <header className="public-site-header">
      <Link href="/briefings" className="brand">{FEED_TITLE}</Link>
      <nav aria-label="Public site">
        <ul>
          <li><Link href="/briefings">All briefings</Link></li>
          <li><a href="/briefings/feed.xml" type="application/atom+xml">Feed</a></li>
        </ul>
      </nav>
    </header>
  );
}

export function PublicSiteFooter() {
  return (
    <footer className="public-site-footer">
      <p>
        Every statement in these briefings cites the source passages it rests on; the newsroom publishes only what its analysts have reviewed.
        Follow new briefings and updates with the <a href="/briefings/feed.xml" type="application/atom+xml">Atom feed</a>.
      </p>
    </footer>
  );
}
