import { ClaimValue } from "./claim-value";
import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { getClaimContext } from "@/lib/contradictions/claims";
import { parseValue } from "@/lib/contradictions/compare-values";
import { formatClaimValue } from "@/lib/contradictions/format";
import { canEditClaim, canEditClaims } from "@/lib/contradictions/permissions";
import { attributeLabel } from "@/lib/contradictions/schemas";
import { ClaimForm, type ClaimSaveActions } from "./claim-form";
import "./contradictions.css";

/**
 * The claim of one claim annotation: a form to record or correct it for editors, the
 * recorded claim for everyone else. Server component; renders nothing for annotations of
 * other kinds. Mount it wherever a claim annotation is shown.
 */
export async function ClaimPanel({ annotationId, actor, actions }: { annotationId: string; actor: Actor; actions: ClaimSaveActions }) {
  const context = await getClaimContext(annotationId);
  if (context?.annotation.kind !== "claim") return null;
  const { claim } = context;
  const summary = claim ? (
    <p>
      <span className="muted">{attributeLabel(claim.attribute)} of </span>
      <Link href={`/compare/${claim.subject.type}/${claim.subject.id}`}>{claim.subjectLabel}</Link>
      <span className="muted">: </span>
      <span className="cx-value">
        <ClaimValue value={claim.value} formatted={formatClaimValue(claim.value, new Map(Object.entries(claim.entityLabels)))} />
      </span>
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
  const { id, exact, articlePublishedAt: publishedAt } = context.annotation;
  // Reading dates needs chrono, which stays on the server: the form gets what it would propose.
  const date = parseValue("date", exact, { publishedAt });
  const number = parseValue("number", exact, { publishedAt });
  const proposed = { date: date?.type === "date" ? date : null, number: number?.type === "number" ? number : null };
  return (
    <section aria-label="Claim">
      {summary}
      <ClaimForm
        annotation={{ id, exact }}
        proposed={proposed}
        linkedEntities={context.linkedEntities}
        linkedEvents={context.linkedEvents}
        claim={claim}
        actions={actions}
      />
    </section>
  );
}
