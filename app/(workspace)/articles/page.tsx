import type { Metadata } from "next";
import Link from "next/link";
import { ArticleFilters } from "@/components/articles/article-filters";
import { ArticleTable } from "@/components/articles/article-table";
import { Alert } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { canImportArticles } from "@/lib/articles/permissions";
import { listArticles, listOutlets } from "@/lib/articles/queries";
import { articleListQuerySchema } from "@/lib/articles/schemas";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Articles" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ArticlesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = articleListQuerySchema.safeParse(params);
  // A malformed filter (e.g. a hand-edited date) is dropped with a note rather than failing the page.
  const query = parsed.success ? parsed.data : articleListQuerySchema.parse({ q: params.q, page: params.page });
  const [list, outlets] = await Promise.all([listArticles(actor, query), listOutlets(actor)]);
  const filtered = Boolean(query.q || query.outlet || query.kind || query.from || query.to);

  return (
    <>
      <div className="article-list-summary">
        <h1>Articles</h1>
        {canImportArticles(actor) ? (
          <Link href="/import" className="button">
            Import articles
          </Link>
        ) : null}
      </div>
      <ArticleFilters query={query} outlets={outlets} />
      {parsed.success ? null : <Alert kind="error">{parsed.error.issues[0]?.message ?? "A filter was not valid."} The filters were reset.</Alert>}
      <p role="status" className="muted">
        {list.total === 0
          ? filtered
            ? "No articles match."
            : "No articles yet."
          : `${{ exact: "", "at-least": "At least ", about: "About " }[list.totalIs]}${list.total.toLocaleString("en")} article${list.total === 1 ? "" : "s"}${filtered ? " match" : ""}${list.totalIs === "at-least" && query.q ? " (the newest are ranked)" : ""}${list.pageCount > 1 ? `; page ${list.page} of ${list.pageCount}` : ""}.`}
        {list.alsoSearched.length > 0 ? ` Also searched: ${list.alsoSearched.join(", ")}.` : null}
      </p>
      {list.items.length > 0 ? <ArticleTable items={list.items} /> : null}
      <Pagination path="/articles" params={params} page={list.page} pageCount={list.pageCount} />
    </>
  );
}
