import "./contradictions.css";

/** The quoted words highlighted within the text around them, as the source has them. */
export function PassageQuote({ exact, prefix, suffix }: { exact: string; prefix: string; suffix: string }) {
  return (
    <blockquote className="cx-quote serif">
      {prefix ? <span>…{prefix}</span> : null}
      <mark>{exact}</mark>
      {suffix ? <span>{suffix}…</span> : null}
    </blockquote>
  );
}

/** "Outlet · 19 May 2025", or the article title when the outlet is not known. */
export function sourceName(article: { title: string; outlet: string | null }): string {
  return article.outlet ?? `Unknown outlet (${article.title})`;
}
