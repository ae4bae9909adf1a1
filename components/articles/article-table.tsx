import { LocalDate } from "@/components/ui/local-date";
import Link from "next/link";
import type { ArticleListItem } from "@/lib/articles/queries";
import { KIND_LABELS } from "@/lib/articles/schemas";
import "./articles.css";

export function ArticleTable({ items }: { items: ArticleListItem[] }) {
  return (
    <table className="data" aria-label="Articles">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Outlet</th>
          <th scope="col">Kind</th>
          <th scope="col">Published</th>
          <th scope="col">Imported</th>
        </tr>
      </thead>
      <tbody>
        {items.map((article) => (
          <tr key={article.id}>
            <td>
              <Link href={`/articles/${article.id}`}>{article.title}</Link>
              {article.titleProvisional ? (
                <>
                  {" "}
                  <span className="badge warn">provisional title</span>
                </>
              ) : null}
              {article.author ? <div className="muted">{article.author}</div> : null}
            </td>
            <td>{article.outlet ?? <span className="muted">unknown</span>}</td>
            <td>{KIND_LABELS[article.kind]}</td>
            <td>{article.publishedAt ? <LocalDate value={article.publishedAt} /> : <span className="muted">not stated</span>}</td>
            <td>
              <LocalDate value={article.createdAt} style="timestamp" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
