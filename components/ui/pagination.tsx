import Link from "next/link";

type Props = {
  /** The list's address, e.g. "/articles". */
  path: string;
  /** The current query parameters: filters stay as they are, only the page changes. */
  params: Record<string, string | undefined>;
  page: number;
  pageCount: number;
};

/** Previous and next links for a paged list; nothing when everything fits on one page. */
export function Pagination({ path, params, page, pageCount }: Props) {
  if (pageCount <= 1) return null;
  const href = (to: number) => {
    const kept = Object.entries(params).flatMap(([name, value]) => (name !== "page" && value ? [[name, value]] : []));
    return `${path}?${new URLSearchParams([...kept, ["page", String(to)]])}`;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? <Link href={href(page - 1)}>Previous page</Link> : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Next page</Link> : null}
    </nav>
  );
}

type CursorProps = {
  /** The list's address, e.g. "/review". */
  path: string;
  /** The current query parameters: filters stay as they are, only the cursor changes. */
  params: Record<string, string | undefined>;
  /** Whether this page was reached by a cursor (it is not the first). */
  paged: boolean;
  /** The list's `nextCursor`: where the next page starts, or null after the last. */
  nextCursor: string | null;
};

/** First and next links for a list paged by keyset: it has no page numbers to go back by. */
export function CursorPagination({ path, params, paged, nextCursor }: CursorProps) {
  if (!paged && !nextCursor) return null;
  const href = (cursor: string | null) => {
    const kept = Object.entries(params).flatMap(([name, value]) => (name !== "cursor" && name !== "page" && value ? [[name, value]] : []));
    const query = new URLSearchParams([...kept, ...(cursor ? [["cursor", cursor]] : [])]).toString();
    return query ? `${path}?${query}` : path;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      {paged ? <Link href={href(null)}>First page</Link> : null}
      {nextCursor ? <Link href={href(nextCursor)}>Next page</Link> : null}
    </nav>
  );
}
