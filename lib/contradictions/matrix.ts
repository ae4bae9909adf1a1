/**
 * The comparison matrix of one subject: a row per attribute, a column per source (an
 * article of an outlet), each cell what that source claims and how it relates to the
 * others. Pure: the queries load the claims, this arranges them.
 */
import { compareValues, summarizeAgreement, type ClaimValue } from "./claim-values";

export interface MatrixSourceInput {
  articleId: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
}

export interface MatrixClaimInput {
  id: string;
  annotationId: string;
  articleId: string;
  attribute: string;
  value: ClaimValue;
}

export interface MatrixSource extends MatrixSourceInput {
  /** Sources of one outlet are not independent: corroboration counts outlets by this key. */
  outletKey: string;
}

export type CellState = "silent" | "conflict" | "agrees" | "compatible" | "alone";

export interface CellClaim<C extends MatrixClaimInput> {
  claim: C;
  /** Distinct outlets stating the identical value, this one included. */
  identicalOutlets: number;
  /** Sources (article ids) whose value conflicts with this one. */
  conflictsWith: string[];
  /** Sources whose value is identical, or compatible at another precision. */
  identicalWith: string[];
  compatibleWith: string[];
}

export interface MatrixCell<C extends MatrixClaimInput> {
  articleId: string;
  state: CellState;
  claims: CellClaim<C>[];
}

export interface MatrixRow<C extends MatrixClaimInput> {
  attribute: string;
  cells: MatrixCell<C>[];
  /** Distinct outlets that agree on the most corroborated value of the row. */
  bestAgreement: { outletCount: number; agreement: "identical" | "compatible"; claimIds: string[] } | null;
  conflictCount: number;
}

export interface Matrix<C extends MatrixClaimInput> {
  sources: MatrixSource[];
  rows: MatrixRow<C>[];
}

export function outletKeyOf(source: { articleId: string; outlet: string | null }): string {
  const outlet = source.outlet?.trim().toLowerCase();
  return outlet ? `outlet:${outlet}` : `article:${source.articleId}`;
}

/**
 * Columns are the given sources in order (sources named only by claims are added after
 * them); rows are attributes in `attributeOrder` first, then by name.
 */
export function buildMatrix<C extends MatrixClaimInput>(sourcesIn: MatrixSourceInput[], claims: C[], attributeOrder: readonly string[] = []): Matrix<C> {
  const sources: MatrixSource[] = sourcesIn.map((s) => ({ ...s, outletKey: outletKeyOf(s) }));
  const outletOf = new Map(sources.map((s) => [s.articleId, s.outletKey]));
  for (const claim of claims) {
    if (!outletOf.has(claim.articleId)) {
      const source = { articleId: claim.articleId, title: "", outlet: null, publishedAt: null };
      sources.push({ ...source, outletKey: outletKeyOf(source) });
      outletOf.set(claim.articleId, outletKeyOf(source));
    }
  }

  const byAttribute = new Map<string, C[]>();
  for (const claim of claims) byAttribute.set(claim.attribute, [...(byAttribute.get(claim.attribute) ?? []), claim]);
  const rank = (a: string) => (attributeOrder.includes(a) ? attributeOrder.indexOf(a) : attributeOrder.length);
  const attributes = [...byAttribute.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

  const rows = attributes.map((attribute) => {
    const rowClaims = byAttribute.get(attribute)!;
    const described = rowClaims.map((claim) => describeClaim(claim, rowClaims, outletOf));
    const cells = sources.map((source): MatrixCell<C> => {
      const cellClaims = described.filter((d) => d.claim.articleId === source.articleId);
      return { articleId: source.articleId, state: cellState(cellClaims), claims: cellClaims };
    });
    const summary = summarizeAgreement(rowClaims.map((c) => ({ ...c, outlet: outletOf.get(c.articleId)! })));
    const best = summary.corroborations[0];
    return {
      attribute,
      cells,
      bestAgreement:
        best && best.outletCount > 1 ? { outletCount: best.outletCount, agreement: best.agreement, claimIds: best.members.map((m) => m.id) } : null,
      conflictCount: summary.conflicts.length,
    };
  });
  return { sources, rows };
}

function describeClaim<C extends MatrixClaimInput>(claim: C, rowClaims: C[], outletOf: Map<string, string>): CellClaim<C> {
  const conflictsWith = new Set<string>();
  const identicalWith = new Set<string>();
  const compatibleWith = new Set<string>();
  const identicalOutlets = new Set([outletOf.get(claim.articleId)!]);
  for (const other of rowClaims) {
    if (other.articleId === claim.articleId) continue;
    const relation = compareValues(claim.value, other.value);
    if (relation === "conflict") conflictsWith.add(other.articleId);
    if (relation === "identical") {
      identicalWith.add(other.articleId);
      identicalOutlets.add(outletOf.get(other.articleId)!);
    }
    if (relation === "compatible") compatibleWith.add(other.articleId);
  }
  return {
    claim,
    identicalOutlets: identicalOutlets.size,
    conflictsWith: [...conflictsWith],
    identicalWith: [...identicalWith],
    compatibleWith: [...compatibleWith],
  };
}

function cellState(claims: CellClaim<MatrixClaimInput>[]): CellState {
  if (claims.length === 0) return "silent";
  if (claims.some((c) => c.conflictsWith.length > 0)) return "conflict";
  if (claims.some((c) => c.identicalWith.length > 0)) return "agrees";
  if (claims.some((c) => c.compatibleWith.length > 0)) return "compatible";
  return "alone";
}
