import { LocalDate } from "@/components/ui/local-date";
import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { getEventAccounts } from "@/lib/proposals/queries";
import "./proposals.css";

/**
 * Every source's account of an event in one table: one row per article (outlet and date of
 * publication), one column per attribute; proposed values are marked as such beside recorded claims.
 */
export async function EventAccounts({ actor, eventId }: { actor: Actor; eventId: string }) {
  const { attributes, sources } = await getEventAccounts(actor, eventId);
  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Every source’s account</h2>
      {sources.length === 0 ? (
        <p className="muted">No source tells of this event yet.</p>
      ) : (
        <table className="data accounts-table">
          <caption className="muted">Who says what, and when they said it. “Proposed” values are read from the text and not yet recorded.</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Published</th>
              {attributes.map((a) => (
                <th scope="col" key={a.key}>
                  {a.label}
                </th>
              ))}
              {attributes.length === 0 ? <th scope="col">Passage</th> : null}
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.articleId}>
                <th scope="row">
                  {s.outlet ?? "Unknown outlet"}
                  <div className="muted">
                    <Link href={`/articles/${s.articleId}`}>{s.articleTitle}</Link>
                  </div>
                </th>
                <td>{s.publishedAt ? <LocalDate value={s.publishedAt} /> : <span className="muted">undated</span>}</td>
                {attributes.map((a) => (
                  <td key={a.key}>
                    {(s.values[a.key] ?? []).length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      s.values[a.key].map((v, i) => (
                        <div key={i} title={v.quote}>
                          {v.label} {v.proposed ? <span className="tag">proposed</span> : null}
                        </div>
                      ))
                    )}
                  </td>
                ))}
                {attributes.length === 0 ? <td>{s.passages[0] ?? <span className="muted">—</span>}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
