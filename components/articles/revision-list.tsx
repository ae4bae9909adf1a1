import { LocalDate } from "@/components/ui/local-date";
import Link from "next/link";
import type { RevisionSummary } from "@/lib/articles/queries";
import "./articles.css";

export function RevisionList({ articleId, revisions, currentNumber }: { articleId: string; revisions: RevisionSummary[]; currentNumber: number }) {
  return (
    <table className="data" aria-label="Revisions">
      <thead>
        <tr>
          <th scope="col">Revision</th>
          <th scope="col">Created</th>
          <th scope="col">By</th>
          <th scope="col">What changed</th>
        </tr>
      </thead>
      <tbody>
        {revisions.map((revision) => (
          <tr key={revision.id}>
            <td>
              <Link href={`/articles/${articleId}/revisions/${revision.number}`}>Revision {revision.number}</Link>
              {revision.number === currentNumber ? (
                <>
                  {" "}
                  <span className="badge ok">current</span>
                </>
              ) : null}
            </td>
            <td>
              <LocalDate value={revision.createdAt} style="timestamp" />
            </td>
            <td>{revision.by ?? <span className="muted">import</span>}</td>
            <td>{revision.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
