import Link from "next/link";
import { ARTICLE_KINDS, ARTICLE_SORTS, KIND_LABELS, SORT_LABELS, type ArticleListQuery } from "@/lib/articles/schemas";
import "./articles.css";

/** Search and filters as a plain GET form: the URL holds the query, so results can be bookmarked and shared. */
export function ArticleFilters({ query, outlets }: { query: ArticleListQuery; outlets: string[] }) {
  return (
    <form method="get" action="/articles" role="search" aria-label="Search articles" className="article-filters card">
      <div className="field grow">
        <label htmlFor="article-q">Search</label>
        <input id="article-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Words in the title, outlet or text" />
      </div>
      <div className="field">
        <label htmlFor="article-outlet">Outlet</label>
        <select id="article-outlet" name="outlet" defaultValue={query.outlet ?? ""}>
          <option value="">All outlets</option>
          {outlets.map((outlet) => (
            <option key={outlet} value={outlet}>
              {outlet}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="article-kind">Kind</label>
        <select id="article-kind" name="kind" defaultValue={query.kind ?? ""}>
          <option value="">All kinds</option>
          {ARTICLE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="article-from">Published from</label>
        <input id="article-from" name="from" type="date" defaultValue={query.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="article-to">Published until</label>
        <input id="article-to" name="to" type="date" defaultValue={query.to ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="article-sort">Sort by</label>
        <select id="article-sort" name="sort" defaultValue={query.sort ?? ""}>
          <option value="">{query.q ? SORT_LABELS.relevance : SORT_LABELS.newest}</option>
          {ARTICLE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Search
      </button>
      <Link href="/articles" className="button secondary">
        Clear
      </Link>
    </form>
  );
}
