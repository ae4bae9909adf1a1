import { ClaimValue } from "./claim-value";
import { LocalDate } from "@/components/ui/local-date";
import Link from "next/link";
import type { CellClaim, MatrixCell } from "@/lib/contradictions/matrix";
import type { Comparison, ComparisonClaim } from "@/lib/contradictions/comparison-queries";
import { attributeLabel } from "@/lib/contradictions/schemas";
import { sourceName } from "./passage-quote";
import "./contradictions.css";

const STATE_TEXT = {
  conflict: { icon: "✕", label: "Conflicts" },
  agrees: { icon: "✓", label: "Agrees" },
  compatible: { icon: "≈", label: "Compatible" },
  alone: { icon: "•", label: "Only this source" },
  silent: { icon: "—", label: "Silent" },
} as const;

/**
 * One row per attribute, one column per source; each cell the source's value and the
 * passage behind it. Agreement and conflict are said in words and icons as well as colour.
 */
export function ComparisonMatrix({ comparison }: { comparison: Comparison }) {
  const { matrix, subject, contradictionsByAnnotation } = comparison;
  const names = new Map(matrix.sources.map((s) => [s.articleId, sourceName(s)]));
  const namesOf = (articleIds: string[]) => [...new Set(articleIds.map((id) => names.get(id) ?? "another source"))].join(", ");

  const claimsById = new Map(matrix.rows.flatMap((r) => r.cells.flatMap((cell) => cell.claims.map((c) => [c.claim.id, c.claim] as const))));
  const agreedValue = (claimIds: string[]) => {
    const values = new Set(claimIds.map((id) => claimsById.get(id)?.formattedValue));
    return values.size === 1 ? `: ${[...values][0]}` : "";
  };

  function describe(c: CellClaim<ComparisonClaim>): string {
    const parts: string[] = [];
    if (c.conflictsWith.length > 0) parts.push(`✕ Conflicts with ${namesOf(c.conflictsWith)}`);
    if (c.identicalWith.length > 0) parts.push(`✓ Same as ${namesOf(c.identicalWith)} (${c.identicalOutlets} independent outlets)`);
    if (c.compatibleWith.length > 0) parts.push(`≈ Compatible with ${namesOf(c.compatibleWith)} at another precision`);
    return parts.length > 0 ? parts.join("; ") : "• Only this source says this";
  }

  function renderCell(cell: MatrixCell<ComparisonClaim>, attribute: string) {
    const source = names.get(cell.articleId) ?? "source";
    if (cell.state === "silent") {
      return (
        <td key={cell.articleId} className="cx-cell-silent" aria-label={`${attributeLabel(attribute)}, ${source}: silent`}>
          <span aria-hidden="true">{STATE_TEXT.silent.icon} </span>Silent
        </td>
      );
    }
    return (
      <td key={cell.articleId} className={`cx-cell-${cell.state}`}>
        {cell.claims.map((c) => (
          <div key={c.claim.id} className="cx-cell">
            <span className="cx-cell-state">{describe(c)}</span>
            <span className="cx-value">
              <ClaimValue value={c.claim.value} formatted={c.claim.formattedValue} />
            </span>
            <blockquote className="serif">“{c.claim.passage.exact}”</blockquote>
            {(contradictionsByAnnotation[c.claim.annotationId] ?? []).map((x) => (
              <Link key={x.id} href={`/contradictions/${x.id}`}>
                {x.status === "OPEN" ? "Open contradiction" : "Contradiction awaiting sign-off"}
              </Link>
            ))}
          </div>
        ))}
      </td>
    );
  }

  if (matrix.rows.length === 0) {
    return <p>No claims about {subject.label} yet. Record claims on annotated passages to compare the sources.</p>;
  }
  return (
    <>
      <p className="muted">
        Legend:{" "}
        {Object.values(STATE_TEXT)
          .map((s) => `${s.icon} ${s.label.toLowerCase()}`)
          .join(" · ")}
        . Outlets are counted once however many of their articles agree.
      </p>
      <div className="cx-matrix-wrap">
        <table className="data cx-matrix">
          <caption className="muted">What each source says about {subject.label}</caption>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              {matrix.sources.map((s) => (
                <th key={s.articleId} scope="col">
                  {sourceName(s)}
                  <div className="muted">
                    <Link href={`/articles/${s.articleId}`}>{s.title || "article"}</Link>
                    {s.publishedAt ? (
                      <>
                        {" · "}
                        <LocalDate value={s.publishedAt} />
                      </>
                    ) : null}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.attribute}>
                <th scope="row">
                  {attributeLabel(row.attribute)}
                  {row.bestAgreement ? (
                    <div className="muted">
                      ✓ {row.bestAgreement.outletCount} outlets agree{agreedValue(row.bestAgreement.claimIds)}
                    </div>
                  ) : null}
                  {row.conflictCount > 0 ? (
                    <div className="muted">
                      ✕ {row.conflictCount} conflicting {row.conflictCount === 1 ? "pair" : "pairs"}
                    </div>
                  ) : null}
                  {!row.bestAgreement && row.conflictCount === 0 ? <div className="muted">• no corroboration</div> : null}
                </th>
                {row.cells.map((cell) => renderCell(cell, row.attribute))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
