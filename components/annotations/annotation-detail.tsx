"use client";

import type { JSONContent } from "@tiptap/react";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { LocalDate } from "@/components/ui/local-date";
import {
  canCreateAnnotation,
  canEditAnnotation,
  canMaintainAnchor,
  canReattachAnnotation,
  canReply,
  canReviewAnnotation,
  canReviewAnnotations,
} from "@/lib/annotations/permissions";
import type { ReviewDecision } from "@/lib/annotations/statuses";
import type { AnnotationKindView, AnnotationReplyView, AnnotationView } from "@/lib/annotations/types";
import type { Actor } from "@/lib/auth/permissions";
import { AnnotationExtraActions } from "./annotation-extra-actions";
import { AnnotationForm, type AnnotationFormValues } from "./annotation-form";
import { ReviewFields } from "./review-fields";
import type { ActionResult } from "@/lib/api/action";
import { attempt, type AnnotationActions } from "./annotation-actions";
import { ANCHOR_STATUS_LABELS, kindLabel, REVIEW_STATUS_LABELS } from "./labels";

type Props = {
  annotation: AnnotationView;
  kinds: readonly AnnotationKindView[];
  viewer: Actor;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  actions: AnnotationActions;
  /** Shows `message` once an action went through (its answer brings the refreshed annotations). */
  onChanged: (message: string) => void;
  /** Reloads the article's annotations and shows `message`. */
  onReload: (message: string) => void;
  onStartReattach: () => void;
  onClose: () => void;
};

type Conflict = { current: AnnotationView; mine: AnnotationFormValues | "delete" };

/** One annotation in the side panel: what it says, its history, and what the viewer may do with it. */
export function AnnotationDetail({ annotation, kinds, viewer, headingRef, actions, onChanged, onReload, onStartReattach, onClose }: Props) {
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = canEditAnnotation(viewer, annotation);
  const orphaned = annotation.anchorStatus === "ORPHANED";

  const { articleId, id } = annotation;

  async function run(request: () => Promise<ActionResult<unknown>>, success: string, mine?: Conflict["mine"]): Promise<string | null> {
    setBusy(true);
    setError(null);
    const result = await attempt(request);
    setBusy(false);
    if (result.ok) {
      setConflict(null);
      setEditing(false);
      setConfirmingDelete(false);
      onChanged(success);
      return null;
    }
    const current = (result.details as { current?: AnnotationView } | undefined)?.current;
    if (result.status === 409 && current && mine) {
      setConflict({ current, mine });
      return result.error;
    }
    setError(result.error);
    return result.error;
  }

  function save(values: AnnotationFormValues, version: number) {
    return run(
      () => actions.update(articleId, id, { version, kind: values.kind, tags: values.tags, comment: values.comment }),
      annotation.status === "APPROVED" ? "Annotation saved. It returns to review." : "Annotation saved.",
      values,
    );
  }

  function remove(version: number) {
    return run(() => actions.remove(articleId, id, { version }), "Annotation deleted.", "delete");
  }

  return (
    <article className="annotation-detail" aria-labelledby={`annotation-heading-${annotation.id}`}>
      <div className="annotation-detail-header">
        <h3 id={`annotation-heading-${annotation.id}`} ref={headingRef} tabIndex={-1}>
          {kindLabel(kinds, annotation.kind)} by {annotation.author.name}
        </h3>
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="annotation-badges">
        {annotation.linkOnly ? (
          <span className="badge status-link">Entity link</span>
        ) : (
          <span className={`badge status-${annotation.status.toLowerCase()}`}>{REVIEW_STATUS_LABELS[annotation.status]}</span>
        )}
        {annotation.anchorStatus !== "ANCHORED" ? (
          <span className={`badge anchor-${annotation.anchorStatus.toLowerCase()}`}>{ANCHOR_STATUS_LABELS[annotation.anchorStatus]}</span>
        ) : null}
        <span className="muted">
          <LocalDate value={annotation.createdAt} style="timestamp" /> · version {annotation.version}
        </span>
      </p>

      {orphaned ? (
        <>
          <p className="muted">This passage is no longer in the article. Original quote:</p>
          <blockquote className="annotation-quote">{annotation.originalExact}</blockquote>
        </>
      ) : (
        <blockquote className="annotation-quote">{annotation.exact}</blockquote>
      )}
      {!orphaned && annotation.exact !== annotation.originalExact ? <p className="muted">Originally: “{annotation.originalExact}”</p> : null}

      {annotation.bodyHtml ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server by lib/rich-text (richTextToHtml) when the comment was saved.
        <div className="annotation-comment" dangerouslySetInnerHTML={{ __html: annotation.bodyHtml }} />
      ) : (
        <p className="muted">No comment.</p>
      )}
      {annotation.tags.length > 0 ? (
        <ul className="annotation-tags" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}

      {error ? <Alert kind="error">{error}</Alert> : null}
      {conflict ? (
        <ConflictNotice
          conflict={conflict}
          kinds={kinds}
          busy={busy}
          onOverwrite={() => (conflict.mine === "delete" ? remove(conflict.current.version) : save(conflict.mine, conflict.current.version))}
          onDiscard={() => {
            setConflict(null);
            setEditing(false);
            setConfirmingDelete(false);
            onReload("Showing the current version.");
          }}
        />
      ) : null}

      <AnchorActions
        annotation={annotation}
        viewer={viewer}
        busy={busy}
        onStartReattach={onStartReattach}
        onConfirm={() => run(() => actions.confirmAnchor(articleId, id, { version: annotation.version }), "Anchor confirmed.")}
      />

      {editable && !editing && !confirmingDelete ? (
        <div className="inline-form annotation-actions">
          <button type="button" className="button secondary" onClick={() => setEditing(true)}>
            Edit annotation
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirmingDelete(true)}>
            Delete annotation
          </button>
        </div>
      ) : null}
      {confirmingDelete && !conflict ? (
        <div className="inline-form annotation-actions" role="group" aria-label="Confirm deletion">
          <span>Delete this annotation?</span>
          <button type="button" className="button danger" disabled={busy} onClick={() => remove(annotation.version)}>
            Yes, delete
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirmingDelete(false)}>
            Keep it
          </button>
        </div>
      ) : null}
      {editing ? (
        <AnnotationForm
          title="Edit annotation"
          quote={annotation.exact}
          kinds={kinds}
          initial={{ kind: annotation.kind, comment: annotation.body as JSONContent, tags: annotation.tags }}
          submitLabel="Save changes"
          onSubmit={(values) => save(values, annotation.version)}
          onCancel={() => {
            setEditing(false);
            setConflict(null);
          }}
        />
      ) : null}

      {annotation.linkOnly ? (
        <div className="annotation-actions">
          <p className="muted">An entity link, not a statement: it is not reviewed and not offered for citation.</p>
          {canCreateAnnotation(viewer) ? (
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() =>
                run(() => actions.requestCitationReview(articleId, id, { version: annotation.version }), "Sent for review: once approved it can be cited.")
              }
            >
              Send for review to cite it
            </button>
          ) : null}
        </div>
      ) : (
        <ReviewActions annotation={annotation} viewer={viewer} review={actions.review} onReviewed={onChanged} onReload={onReload} />
      )}
      <ReviewHistory annotation={annotation} />
      <Replies annotation={annotation} viewer={viewer} reply={actions.reply} onChanged={onChanged} />
      <AnnotationExtraActions annotationId={annotation.id} articleId={annotation.articleId} kind={annotation.kind} canEdit={viewer.role !== "ANALYST"} />
    </article>
  );
}

function ConflictNotice({
  conflict,
  kinds,
  busy,
  onOverwrite,
  onDiscard,
}: {
  conflict: Conflict;
  kinds: readonly AnnotationKindView[];
  busy: boolean;
  onOverwrite: () => void;
  onDiscard: () => void;
}) {
  const { current } = conflict;
  return (
    <section className="alert error annotation-conflict" aria-label="Edit conflict">
      <p>
        <strong>Someone else changed this annotation</strong> while you were working on it. Nothing was overwritten. The current version ({current.version}):
      </p>
      <dl>
        <dt>Kind</dt>
        <dd>{kindLabel(kinds, current.kind)}</dd>
        <dt>Status</dt>
        <dd>{REVIEW_STATUS_LABELS[current.status]}</dd>
        <dt>Tags</dt>
        <dd>{current.tags.join(", ") || "none"}</dd>
        <dt>Comment</dt>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the comment HTML is produced by the lib/rich-text sanitizer. */}
        <dd>{current.bodyHtml ? <div className="annotation-comment" dangerouslySetInnerHTML={{ __html: current.bodyHtml }} /> : "none"}</dd>
      </dl>
      <div className="inline-form">
        <button type="button" className="button danger" disabled={busy} onClick={onOverwrite}>
          {conflict.mine === "delete" ? "Delete anyway" : "Replace with my version"}
        </button>
        <button type="button" className="button secondary" onClick={onDiscard}>
          Discard mine, show current
        </button>
      </div>
    </section>
  );
}

function AnchorActions({
  annotation,
  viewer,
  busy,
  onStartReattach,
  onConfirm,
}: {
  annotation: AnnotationView;
  viewer: Actor;
  busy: boolean;
  onStartReattach: () => void;
  onConfirm: () => void;
}) {
  if (!canMaintainAnchor(viewer) || annotation.anchorStatus === "ANCHORED") return null;
  const mayReattach = canReattachAnnotation(viewer, annotation);
  return (
    <div className="inline-form annotation-actions">
      {annotation.anchorStatus === "REANCHORED_CHECK" ? (
        <>
          <span className="muted">The text changed; check that the highlight still covers the right words.</span>
          <button type="button" className="button" disabled={busy} onClick={onConfirm}>
            Confirm anchor
          </button>
        </>
      ) : null}
      {mayReattach ? (
        <button type="button" className="button secondary" onClick={onStartReattach}>
          Re-attach to a new selection
        </button>
      ) : null}
    </div>
  );
}

function ReviewActions({
  annotation,
  viewer,
  review,
  onReviewed,
  onReload,
}: {
  annotation: AnnotationView;
  viewer: Actor;
  review: AnnotationActions["review"];
  onReviewed: (message: string) => void;
  onReload: (message: string) => void;
}) {
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canReviewAnnotations(viewer)) {
    return annotation.status === "PENDING" ? <p className="muted">Awaiting review by an analyst.</p> : null;
  }
  if (!canReviewAnnotation(viewer, annotation)) return <p className="muted">You cannot review your own annotation.</p>;

  async function decide(decision: ReviewDecision) {
    setBusy(true);
    setError(null);
    const result = await attempt(() => review({ annotationId: annotation.id, decision, comment: comment || undefined, version: annotation.version }));
    setBusy(false);
    if (!result.ok) {
      setError(result.status === 409 ? "The annotation changed since you opened it; it has been reloaded. Review it again." : result.error);
      if (result.status === 409) onReload("The annotation was reloaded.");
      return;
    }
    setComment("");
    onReviewed(decision === "approve" ? "Annotation approved." : decision === "reject" ? "Annotation rejected." : "Changes requested.");
  }

  return (
    <section className="annotation-review" aria-label="Review">
      <ReviewFields comment={comment} onCommentChange={setComment} busy={busy} onDecide={decide} />
      {error ? <Alert kind="error">{error}</Alert> : null}
    </section>
  );
}

function ReviewHistory({ annotation }: { annotation: AnnotationView }) {
  if (annotation.reviews.length === 0) return null;
  return (
    <section className="annotation-history" aria-label="Review history">
      <h4>Review history</h4>
      <ol>
        {annotation.reviews.map((review) => (
          <li key={review.id}>
            <span>
              <LocalDate value={review.createdAt} style="timestamp" />
            </span>{" "}
            <strong>{review.actor?.name ?? "New revision"}</strong>: {review.fromStatus ? `${REVIEW_STATUS_LABELS[review.fromStatus]} → ` : "created, "}
            {REVIEW_STATUS_LABELS[review.toStatus]}
            {review.comment ? <q className="review-comment">{review.comment}</q> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Replies({
  annotation,
  viewer,
  reply: send,
  onChanged,
}: {
  annotation: AnnotationView;
  viewer: Actor;
  reply: AnnotationActions["reply"];
  onChanged: (message: string) => void;
}) {
  const children = new Map<string | null, AnnotationReplyView[]>();
  for (const reply of annotation.replies) {
    const key = reply.parentId;
    children.set(key, [...(children.get(key) ?? []), reply]);
  }
  const thread = (parentId: string | null): React.ReactNode => {
    const replies = children.get(parentId);
    if (!replies) return null;
    return (
      <ul className="reply-thread">
        {replies.map((reply) => (
          <li key={reply.id}>
            <p className="reply-meta">
              <strong>{reply.author.name}</strong>{" "}
              <span className="muted">
                <LocalDate value={reply.createdAt} style="timestamp" />
              </span>
            </p>
            <p className="reply-body">{reply.body}</p>
            {canReply(viewer) ? <ReplyForm annotation={annotation} parent={reply} send={send} onChanged={onChanged} /> : null}
            {thread(reply.id)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <section className="annotation-replies" aria-label="Replies">
      <h4>Replies ({annotation.replies.length})</h4>
      {thread(null)}
      {canReply(viewer) ? <ReplyForm annotation={annotation} send={send} onChanged={onChanged} /> : null}
    </section>
  );
}

function ReplyForm({
  annotation,
  parent,
  send,
  onChanged,
}: {
  annotation: AnnotationView;
  parent?: AnnotationReplyView;
  send: AnnotationActions["reply"];
  onChanged: (message: string) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(!parent);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Reply to {parent?.author.name}
      </button>
    );
  }
  const label = parent ? `Your reply to ${parent.author.name}` : "Add a reply";
  return (
    <form
      className="reply-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const result = await attempt(() => send(annotation.articleId, annotation.id, { body, parentId: parent?.id }));
        setBusy(false);
        if (!result.ok) {
          setError(result.error);
          return;
        }
        setBody("");
        setError(null);
        if (parent) setOpen(false);
        onChanged("Reply posted.");
      }}
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea id={id} rows={2} value={body} onChange={(event) => setBody(event.target.value)} required />
      </div>
      <div className="inline-form">
        <button type="submit" className="button secondary" disabled={busy}>
          Post reply
        </button>
        {parent ? (
          <button type="button" className="button secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        ) : null}
      </div>
      {error ? <Alert kind="error">{error}</Alert> : null}
    </form>
  );
}
