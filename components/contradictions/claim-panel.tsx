import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { getClaimContext } from "@/lib/contradictions/claims";
import { formatClaimValue } from "@/lib/contradictions/format";
import { canEditClaim, canEditClaims } from "@/lib/contradictions/permissions";
import { attributeLabel } from "@/lib/contradictions/schemas";
import { ClaimForm } from "./claim-form";
import "./contradictions.css";

/**
 * The claim of one claim annotation: a form to record or correct it for editors, the
 * recorded claim for everyone else. Server component; renders nothing for annotations of
 * other kinds. Mount it wherever a claim annotation is shown.
 */
export async function ClaimPanel({ annotationId, actor }: { annotationId: string; actor: Actor }) {
  const context = await getClaimContext(annotationId);
  if (context?.annotation.kind !== "claim") return null;
  const { claim } = context;
  const summary = claim ? (
    <p>
      <span className="muted">{attributeLabel(claim.attribute)} of </span>
      <Link href={`/compare/${claim.subject.type}/${claim.subject.id}`}>{claim.subjectLabel}</Link>
      <span className="muted">: </span>
      <span className="cx-value">{formatClaimValue(claim.value, new Map(Object.entries(claim.entityLabels)))}</span>
    </p>
  ) : null;
  if (!canEditClaims(actor)) return summary ?? <p className="muted">No claim recorded for this passage yet.</p>;
  if (!canEditClaim(actor, context.annotation)) {
    return (
      <section aria-label="Claim">
        {summary ?? <p className="muted">No claim recorded for this passage yet.</p>}
        <p className="muted">Only the author of this passage or an admin can record or correct its claim.</p>
      </section>
    );
  }
  return (
    <section aria-label="Claim">
      {summary}
      <ClaimForm
        annotation={{ id: context.annotation.id, exact: context.annotation.exact, articlePublishedAt: context.annotation.articlePublishedAt }}
        linkedEntities={context.linkedEntities}
        linkedEvents={context.linkedEvents}
        claim={claim}
      />
    </section>
  );
}
