import { absoluteUrl, FEED_PATH, FEED_TITLE, type PublicPageHead } from "@/lib/briefings/metadata";
import { serializeJsonLd } from "@/lib/briefings/json-ld";
import { PUBLISHER_NAME } from "@/lib/briefings/site";
import { LOCALIZE_DATES_SCRIPT } from "@/lib/dates/localize-script";

/**
 * A whole public page as one static document: head (title, description, canonical address,
 * feed, share cards, icon, inline styles), the site's frame and the page itself. The only
 * script rewrites dates in the reader's locale; without it the page reads the same, in the
 * site's default date format.
 */
export function PublicDocument({ head, styles, jsonLd, children }: { head: PublicPageHead; styles: string; jsonLd?: unknown; children: React.ReactNode }) {
  const ogTitle = head.title.replace(new RegExp(` · ${PUBLISHER_NAME}$`), "");
  return (
    <html lang="en">
      {/* biome-ignore lint/style/noHeadElement: the public pages are whole documents rendered outside the Next.js app layout, so they write their own head. */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        <meta name="description" content={head.description} />
        {head.canonicalPath ? <link rel="canonical" href={absoluteUrl(head.canonicalPath)} /> : null}
        <link rel="alternate" type="application/atom+xml" title={FEED_TITLE} href={absoluteUrl(FEED_PATH)} />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <meta property="og:title" content={ogTitle} />
        <meta property="og:description" content={head.description} />
        <meta property="og:url" content={absoluteUrl(head.path)} />
        <meta property="og:site_name" content={PUBLISHER_NAME} />
        <meta property="og:type" content={head.article ? "article" : "website"} />
        {head.article ? (
          <>
            <meta property="article:published_time" content={head.article.publishedTime} />
            <meta property="article:modified_time" content={head.article.modifiedTime} />
            {head.article.author ? <meta property="article:author" content={head.article.author} /> : null}
          </>
        ) : null}
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content={ogTitle} />
        <meta name="twitter:description" content={head.description} />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the public site's own stylesheet (publicSiteStyles), not user content. */}
        <style dangerouslySetInnerHTML={{ __html: styles }} />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD, serialized by serializeJsonLd so that no "<" can close the script. */}
        {jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} /> : null}
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="public-site-header">
          <a href="/briefings" className="brand">
            {FEED_TITLE}
          </a>
          <nav aria-label="Public site">
            <ul>
              <li>
                <a href="/briefings">All briefings</a>
              </li>
              <li>
                <a href={FEED_PATH} type="application/atom+xml">
                  Feed
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" className="public-main">
          {children}
        </main>
        <footer className="public-site-footer">
          <p>
            Every statement in these briefings cites the source passages it rests on; the newsroom publishes only what its analysts have reviewed. Follow new
            briefings and updates with the{" "}
            <a href={FEED_PATH} type="application/atom+xml">
              Atom feed
            </a>
            .
          </p>
        </footer>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the site's own fixed script, allowed by its hash in the page's policy. */}
        <script dangerouslySetInnerHTML={{ __html: LOCALIZE_DATES_SCRIPT }} />
      </body>
    </html>
  );
}
