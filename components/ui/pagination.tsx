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
