"use client";

import { useActionState, useState } from "react";
import { BlockerList } from "@/components/briefings/blocker-list";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { MAX_NOTE_CHARS, MAX_REVIEW_COMMENT_CHARS, type Blocker, type BriefingStatusName } from "@/lib/briefings/schemas";
import { approveBriefingAction, publishBriefingAction, retractBriefingAction, returnBriefingAction, submitBriefingAction } from "../actions";

type Props = {
  briefingId: string;
  status: BriefingStatusName;
  version: number;
  publishedCount: number;
  canEdit: boolean;
  canReview: boolean;
  reviewRefusal: string | null;
};

/** The steps of the workflow this person can take now: submit, approve or send back, publish, retract. */
export function WorkflowPanel({ briefingId, status, version, publishedCount, canEdit, canReview, reviewRefusal }: Props) {
  return (
    <div className="workflow-panel">
      {canEdit && status === "DRAFT" ? <SubmitForm briefingId={briefingId} /> : null}
      {status === "IN_REVIEW" && canReview ? <ReviewForms briefingId={briefingId} version={version} /> : null}
      {status === "IN_REVIEW" && !canReview && reviewRefusal ? <p className="muted">{reviewRefusal}</p> : null}
      {status === "IN_REVIEW" && !canReview && !reviewRefusal ? <p className="muted">Waiting for an analyst to approve it or send it back.</p> : null}
      {canEdit && status !== "RETRACTED" && status !== "PUBLISHED" ? <PublishForm briefingId={briefingId} publishedCount={publishedCount} /> : null}
      {canEdit && publishedCount > 0 && status !== "RETRACTED" ? <RetractForm briefingId={briefingId} /> : null}
    </div>
  );
}

function SubmitForm({ briefingId }: { briefingId: string }) {
  const [state, action] = useActionState(submitBriefingAction.bind(null, briefingId), null);
  const [comment, setComment] = useState("");
  return (
    <form action={action} aria-label="Submit for review">
      <div className="field">
        <label htmlFor="submit-comment">Note to the reviewer (optional)</label>
        <textarea
          id="submit-comment"
          name="comment"
          rows={2}
          maxLength={MAX_REVIEW_COMMENT_CHARS}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      <SubmitButton pendingText="Submitting…">Submit for review</SubmitButton>
      {state && !state.ok ? <Alert kind="error">{state.error}</Alert> : null}
    </form>
  );
}

function ReviewForms({ briefingId, version }: { briefingId: string; version: number }) {
  const [approveState, approve] = useActionState(approveBriefingAction.bind(null, briefingId), null);
  const [returnState, sendBack] = useActionState(returnBriefingAction.bind(null, briefingId), null);
  const [comment, setComment] = useState("");
  return (
    <>
      <form action={approve} aria-label="Approve">
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="comment" value={comment} />
        <p>You are reviewing draft version {version}.</p>
        <SubmitButton pendingText="Approving…">Approve version {version}</SubmitButton>
        {approveState && !approveState.ok ? <Alert kind="error">{approveState.error}</Alert> : null}
      </form>
      <form action={sendBack} aria-label="Send back">
        <div className="field">
          <label htmlFor="review-comment">Comments for the writers</label>
          <textarea
            id="review-comment"
            name="comment"
            rows={3}
            maxLength={MAX_REVIEW_COMMENT_CHARS}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        <SubmitButton className="button secondary" pendingText="Sending back…">
          Send back with comments
        </SubmitButton>
        {returnState && !returnState.ok ? <Alert kind="error">{returnState.error}</Alert> : null}
      </form>
    </>
  );
}

function PublishForm({ briefingId, publishedCount }: { briefingId: string; publishedCount: number }) {
  const [state, action] = useActionState(publishBriefingAction.bind(null, briefingId), null);
  const [note, setNote] = useState("");
  const blockers = state && !state.ok ? (state.details as { blockers?: Blocker[] } | undefined)?.blockers : undefined;
  return (
    // The server's refusal (a missing change note, blockers) is shown beside the button, not in a passing browser bubble.
    <form action={action} aria-label="Publish" noValidate>
      {publishedCount > 0 ? (
        <div className="field">
          <label htmlFor="publish-note">Change note for readers</label>
          <textarea id="publish-note" name="note" rows={2} required maxLength={MAX_NOTE_CHARS} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
      ) : null}
      <SubmitButton pendingText="Publishing…">{publishedCount > 0 ? `Publish version ${publishedCount + 1}` : "Publish"}</SubmitButton>
      {state && !state.ok ? (
        <div className="alert error" role="alert">
          <p>{state.error}</p>
          {blockers && blockers.length > 0 ? <BlockerList blockers={blockers} label="Why it cannot be published" /> : null}
        </div>
      ) : null}
    </form>
  );
}

function RetractForm({ briefingId }: { briefingId: string }) {
  const [state, action] = useActionState(retractBriefingAction.bind(null, briefingId), null);
  const [note, setNote] = useState("");
  return (
    <details className="retract">
      <summary>Retract this briefing</summary>
      <form action={action} aria-label="Retract" noValidate>
        <div className="field">
          <label htmlFor="retract-note">Retraction note for readers</label>
          <textarea id="retract-note" name="note" rows={2} required maxLength={MAX_NOTE_CHARS} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <SubmitButton className="button danger" pendingText="Retracting…">
          Retract
        </SubmitButton>
        {state && !state.ok ? <Alert kind="error">{state.error}</Alert> : null}
      </form>
    </details>
  );
}
