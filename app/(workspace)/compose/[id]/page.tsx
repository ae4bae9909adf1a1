import { LocalDate } from "@/components/ui/local-date";
import "@/components/briefings/public-briefing.css";
import "@/components/events/timeline.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BriefingComposer } from "@/components/briefings/briefing-composer";
import { DraftChecklist, DraftPreview, DraftStateProvider } from "@/components/briefings/draft-state";
import { requirePageActor } from "@/lib/auth/session";
import { getBriefingWorkspace, getComposerOptions } from "@/lib/briefings/queries";
import { BRIEFING_STATUS_LABELS } from "@/lib/briefings/schemas";
import { NotFoundError } from "@/lib/errors";
import { WorkflowPanel } from "./_components/workflow-panel";
import { saveBriefingDraftAction } from "./actions";

export const metadata: Metadata = { title: "Compose briefing" };

const REVIEW_ACTIONS: Record<string, string> = {
  submit: "submitted it for review",
  approve: "approved it",
  return: "sent it back",
  publish: "published it",
  retract: "retracted it",
};

export default async function ComposeBriefingPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const workspace = await getBriefingWorkspace(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // Readers who cannot edit (analysts, or a retracted briefing) get no pickers.
  const options = workspace.canEdit ? await getComposerOptions(actor, workspace.briefing.body) : { passages: [], entities: [], events: [], contradictions: [] };
  const { briefing, reviews, blockers, preview } = workspace;
  return (
    <>
      <p>
        <Link href="/compose">← All briefings</Link>
      </p>
      <h1>{briefing.title}</h1>
      <div className="briefing-meta">
        <span className={`status-badge status-${briefing.status.toLowerCase()}`}>{BRIEFING_STATUS_LABELS[briefing.status]}</span>
        {/* An editable draft's version is shown once, live, in the composer's save status. */}
        {workspace.canEdit ? null : <span>Draft version {briefing.version}</span>}
        {briefing.approvedVersion ? (
          <span>
            Approved version {briefing.approvedVersion}
            {briefing.approvedBy ? ` by ${briefing.approvedBy.name}` : ""}
          </span>
        ) : null}
        {briefing.publicPath ? (
          <Link href={briefing.publicPath}>Public page (version {briefing.publishedVersions.at(-1)?.number})</Link>
        ) : (
          <span>Address: /briefings/{briefing.slug}</span>
        )}
      </div>
      {briefing.retractedAt ? <p className="alert error">Retracted: {briefing.retractionNote}</p> : null}
      <DraftStateProvider initial={{ version: briefing.version, preview, blockers }}>
        <div className="briefing-workspace">
          <section id="composer" aria-labelledby="composer-heading">
            <h2 id="composer-heading">{workspace.canEdit ? "Draft" : "Draft (read only)"}</h2>
            <BriefingComposer
              briefing={{ id: briefing.id, title: briefing.title, summary: briefing.summary, body: briefing.body, version: briefing.version }}
              options={options}
              editable={workspace.canEdit}
              save={saveBriefingDraftAction.bind(null, briefing.id)}
            />
            <section className="briefing-preview" aria-labelledby="preview-heading">
              <h2 id="preview-heading">Preview as readers will see it</h2>
              <DraftPreview />
            </section>
          </section>
          <section id="workflow" aria-labelledby="workflow-heading">
            <h2 id="workflow-heading">Review and publishing</h2>
            {briefing.status === "PUBLISHED" && briefing.publicPath ? (
              <p className="alert success" role="status">
                Version {briefing.publishedVersions.at(-1)?.number} is published: <Link href={briefing.publicPath}>open the public page</Link>. Edit the draft
                to prepare an update; it will need a new approval.
              </p>
            ) : briefing.status === "RETRACTED" ? (
              <p className="alert info">This briefing was retracted; its public page shows the retraction note.</p>
            ) : (
              <DraftChecklist />
            )}
            <WorkflowPanel
              briefingId={briefing.id}
              status={briefing.status}
              version={briefing.version}
              publishedCount={briefing.publishedVersions.length}
              canEdit={workspace.canEdit}
              canReview={workspace.canReview}
              reviewRefusal={workspace.reviewRefusal}
            />
            <h3>History</h3>
            {reviews.length === 0 ? (
              <p className="muted">Not yet submitted.</p>
            ) : (
              <ul className="review-history">
                {reviews.map((review) => (
                  <li key={review.id}>
                    <strong>{review.actor.name}</strong> {REVIEW_ACTIONS[review.action] ?? review.action}{" "}
                    <span className="muted">
                      <LocalDate value={review.createdAt} style="timestamp" />
                    </span>
                    {review.comment ? <p>{review.comment}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </DraftStateProvider>
    </>
  );
}
