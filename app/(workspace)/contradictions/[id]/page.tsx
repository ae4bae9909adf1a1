import { ClaimValue } from "@/components/contradictions/claim-value";
import { LocalDate } from "@/components/ui/local-date";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimPanel } from "@/components/contradictions/claim-panel";
import { ContradictionHistory } from "@/components/contradictions/contradiction-history";
import { PassageQuote, sourceName } from "@/components/contradictions/passage-quote";
import { ContradictionStatusBadge } from "@/components/contradictions/status-badge";
import { requirePageActor } from "@/lib/auth/session";
import {
  canEditClaims,
  canReopenContradiction,
  canResolveContradiction,
  canSignOffContradiction,
  canSignOffContradictions,
} from "@/lib/contradictions/permissions";
import { getContradiction, listEvidenceCandidates, type PassageView } from "@/lib/contradictions/queries";
import { attributeLabel, RESOLUTION_LABELS } from "@/lib/contradictions/schemas";
import { NotFoundError } from "@/lib/errors";
import { createClaimAction, updateClaimAction } from "../../claims/actions";
import { NewSourceQuestion } from "./_components/new-source-question";
import { ReopenForm } from "./_components/reopen-form";
import { ResolveForm } from "./_components/resolve-form";
import { SignOffForm } from "./_components/sign-off-form";
import "@/components/contradictions/contradictions.css";

export const metadata: Metadata = { title: "Contradiction" };

const passageLabel = (p: PassageView) => `${sourceName(p.article)}: “${p.exact}”`;

export default async function ContradictionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const contradiction = await getContradiction(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { status, passages } = contradiction;
  const claimLabels = new Map(passages.flatMap((p) => (p.claim ? [[p.claim.id, `${p.claim.formattedValue}, per ${sourceName(p.article)}`] as const] : [])));
  const newClaimIds = new Set(contradiction.newSource?.claimIds ?? []);
  const evidenceCandidates = status === "OPEN" && canResolveContradiction(actor) ? await listEvidenceCandidates(actor, contradiction) : [];

  return (
    <>
      <p>
        <Link href="/contradictions">← All contradictions</Link>
      </p>
      <h1>{contradiction.summary}</h1>
      <p>
        <ContradictionStatusBadge status={status} />{" "}
        <span className="muted">
          {contradiction.detected ? "Detected from conflicting claims" : contradiction.internal ? "Flagged as an internal inconsistency" : "Flagged by hand"}
          {contradiction.createdBy ? ` (${contradiction.createdBy.name})` : ""}, <LocalDate value={contradiction.createdAt} style="timestamp" />
        </span>
      </p>
      {contradiction.subject ? (
        <p>
          About <Link href={`/compare/${contradiction.subject.type}/${contradiction.subject.id}`}>{contradiction.subject.label}</Link>
          {contradiction.attribute ? <>: {attributeLabel(contradiction.attribute).toLowerCase()}</> : null}
        </p>
      ) : null}

      <h2>The passages side by side</h2>
      <div className="cx-passages">
        {passages.map((passage) => {
          const accepted = passage.claim !== null && passage.claim.id === contradiction.acceptedClaimId;
          return (
            <article
              key={passage.annotationId}
              className={`card cx-passage${accepted ? " cx-accepted" : ""}`}
              aria-label={`Passage from ${sourceName(passage.article)}`}
            >
              <h3>
                {sourceName(passage.article)}
                {passage.claim && newClaimIds.has(passage.claim.id) ? <span className="badge"> New source</span> : null}
              </h3>
              <div className="cx-source">
                <Link href={`/articles/${passage.article.id}`}>{passage.article.title}</Link>
                {passage.article.publishedAt ? (
                  <span className="muted">
                    {" "}
                    · <LocalDate value={passage.article.publishedAt} />
                  </span>
                ) : null}
                {passage.article.url ? (
                  <>
                    {" "}
                    ·{" "}
                    <a href={passage.article.url} rel="noreferrer noopener" target="_blank">
                      original
                    </a>
                  </>
                ) : null}
              </div>
              <PassageQuote exact={passage.exact} prefix={passage.prefix} suffix={passage.suffix} />
              {passage.deleted ? <p className="muted">This annotation was deleted since.</p> : null}
              {passage.anchorStatus !== "ANCHORED" ? (
                <p className="muted">
                  The article changed: this passage {passage.anchorStatus === "ORPHANED" ? "no longer anchors" : "was re-anchored and needs checking"}.
                </p>
              ) : null}
              {passage.claim ? (
                <p>
                  Claims:{" "}
                  <span className="cx-value">
                    <ClaimValue value={passage.claim.value} formatted={passage.claim.formattedValue} />
                  </span>
                  {accepted ? <strong> ✓ Accepted value</strong> : null}
                </p>
              ) : (
                <p className="muted">No value recorded: compared by hand.</p>
              )}
              {canEditClaims(actor) && status === "OPEN" && !passage.deleted && passage.kind === "claim" ? (
                <details>
                  <summary>{passage.claim ? "Correct this claim" : "Record this passage's claim"}</summary>
                  <ClaimPanel annotationId={passage.annotationId} actor={actor} actions={{ create: createClaimAction, update: updateClaimAction }} />
                </details>
              ) : null}
            </article>
          );
        })}
      </div>

      {contradiction.resolution ? (
        <section className="card cx-resolution" aria-labelledby="resolution-heading">
          <h2 id="resolution-heading">Resolution</h2>
          <p>
            <strong>{RESOLUTION_LABELS[contradiction.resolution]}</strong>
            {contradiction.acceptedClaimId && claimLabels.get(contradiction.acceptedClaimId) ? <>: {claimLabels.get(contradiction.acceptedClaimId)}</> : null}
          </p>
          <p className="cx-why">Why: {contradiction.rationale}</p>
          <p className="muted">
            Resolved by {contradiction.resolvedBy?.name ?? "someone"}
            {contradiction.resolvedAt ? (
              <>
                , <LocalDate value={contradiction.resolvedAt} style="timestamp" />
              </>
            ) : null}
            .{" "}
            {contradiction.signedOffBy ? (
              <>
                Signed off by {contradiction.signedOffBy.name}
                {contradiction.signedOffAt ? (
                  <>
                    , <LocalDate value={contradiction.signedOffAt} style="timestamp" />
                  </>
                ) : null}
                .
              </>
            ) : (
              "Awaiting sign-off by an analyst who did not resolve it."
            )}
          </p>
          {contradiction.evidence.length > 0 ? (
            <>
              <h3>Evidence</h3>
              <ul>
                {contradiction.evidence.map((e) => (
                  <li key={e.annotationId}>{passageLabel(e)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {status === "OPEN" && canResolveContradiction(actor) ? (
        <ResolveForm
          id={contradiction.id}
          version={contradiction.version}
          claims={passages.flatMap((p) => (p.claim && !p.deleted ? [{ id: p.claim.id, label: `${p.claim.formattedValue} (${sourceName(p.article)})` }] : []))}
          evidence={evidenceCandidates.map((p) => ({ id: p.annotationId, label: passageLabel(p) }))}
        />
      ) : null}
      {status === "OPEN" && !canResolveContradiction(actor) ? (
        <p className="muted">An editor resolves this contradiction; you will sign it off afterwards.</p>
      ) : null}

      {status === "AWAITING_SIGNOFF" && canSignOffContradiction(actor, { resolvedById: contradiction.resolvedBy?.id ?? null }) ? (
        <SignOffForm id={contradiction.id} version={contradiction.version} />
      ) : null}
      {status === "AWAITING_SIGNOFF" && canSignOffContradictions(actor) && actor.id === contradiction.resolvedBy?.id ? (
        <p className="muted">You resolved this contradiction: another analyst signs it off.</p>
      ) : null}

      {contradiction.newSource && canReopenContradiction(actor) ? (
        <NewSourceQuestion
          id={contradiction.id}
          version={contradiction.version}
          sources={passages.flatMap((p) => (p.claim && newClaimIds.has(p.claim.id) ? [`${p.claim.formattedValue} (${sourceName(p.article)})`] : []))}
        />
      ) : status !== "OPEN" && canReopenContradiction(actor) ? (
        <ReopenForm id={contradiction.id} version={contradiction.version} />
      ) : null}

      <h2>History</h2>
      <ContradictionHistory history={contradiction.history} claimLabels={claimLabels} />
    </>
  );
}
