import { LocalDate } from "@/components/ui/local-date";
import Link from "next/link";
import { LINK_RELATION_LABELS } from "@/lib/entities/schemas";
import type { PassagesByOutlet as Groups } from "@/lib/entities/types";
import "./entities.css";

/** Every passage linked to an entity or event, grouped by outlet, each quote linking to its place in the article. */
export function PassagesByOutlet({ groups, emptyText }: { groups: Groups; emptyText: string }) {
  if (groups.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <div className="passages-by-outlet">
      {groups.map((group) => (
        <section key={group.outlet} aria-label={`Passages from ${group.outlet}`}>
          <h3>
            {group.outlet} <span className="muted">({group.passages.length})</span>
          </h3>
          <ul className="passage-list">
            {group.passages.map((passage) => (
              <li key={passage.annotationId}>
                <blockquote>{passage.exact}</blockquote>
                <div className="passage-meta">
                  {passage.relations.map((r) => (
                    <span key={r} className="tag">
                      {LINK_RELATION_LABELS[r]}
                    </span>
                  ))}
                  <Link href={passage.href}>{passage.article.title}</Link>
                  {passage.article.publishedAt ? (
                    <>
                      , <LocalDate value={passage.article.publishedAt} />
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
