"use client";

import { useState } from "react";
import { Field, SelectField } from "@/components/ui/field";
import { DecisionError, type DecisionOutcome, useDecision } from "@/components/ui/use-decision";
import { DATE_PRECISIONS, DATE_PRECISION_LABELS } from "@/lib/events/vocabulary";
import type { AcceptEventProposalInput } from "@/lib/proposals/schemas";

/** The server actions that decide on an article's proposals (app/(workspace)/articles/[id]/actions.ts). */
export type ProposalDecisions = {
  acceptEvent: (articleId: string, proposalId: string, input?: AcceptEventProposalInput) => Promise<DecisionOutcome>;
  dismissEvent: (articleId: string, proposalId: string) => Promise<DecisionOutcome>;
  acceptClaim: (articleId: string, proposalId: string) => Promise<DecisionOutcome>;
  dismissClaim: (articleId: string, proposalId: string) => Promise<DecisionOutcome>;
};

/** Accept as proposed, accept with a corrected title and date, or dismiss: each one step. */
export function EventProposalControls({
  articleId,
  proposalId,
  title,
  date,
  decisions,
}: {
  articleId: string;
  proposalId: string;
  title: string;
  date: { localDate: string | null; precision: string | null; timeZone: string | null };
  decisions: Pick<ProposalDecisions, "acceptEvent" | "dismissEvent">;
}) {
  const { pending, error, run } = useDecision();
  const [editing, setEditing] = useState(false);
  function submit(form: FormData) {
    const localDate = String(form.get("localDate") ?? "").trim();
    const timeZone = String(form.get("timeZone") ?? "").trim();
    const input: AcceptEventProposalInput = {
      title: String(form.get("title") ?? ""),
      date: localDate ? { localDate, precision: String(form.get("precision")) as "day", timeZone: timeZone || null } : null,
    };
    run(() => decisions.acceptEvent(articleId, proposalId, input));
  }
  return (
    <div className="proposal-controls">
      <span className="verdicts">
        <button
          type="button"
          className="button"
          disabled={pending}
          aria-label={`Accept event “${title}”`}
          onClick={() => run(() => decisions.acceptEvent(articleId, proposalId))}
        >
          Accept
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          aria-expanded={editing}
          aria-label={`Edit event “${title}” before accepting`}
          onClick={() => setEditing(!editing)}
        >
          Edit and accept
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          aria-label={`Dismiss event “${title}”`}
          onClick={() => run(() => decisions.dismissEvent(articleId, proposalId))}
        >
          Dismiss
        </button>
      </span>
      <DecisionError error={error} />
      {editing ? (
        <form action={submit} className="inline-form" aria-label={`Edit event “${title}”`}>
          <Field label="Title" name="title" defaultValue={title} required maxLength={300} />
          <Field label="Date" name="localDate" defaultValue={date.localDate ?? ""} hint="YYYY-MM-DD, or YYYY-MM, or with a time: YYYY-MM-DDTHH:MM" />
          <SelectField
            label="Precision"
            name="precision"
            defaultValue={date.precision ?? "day"}
            options={DATE_PRECISIONS.map((p) => ({ value: p, label: DATE_PRECISION_LABELS[p] }))}
          />
          <Field label="Time zone" name="timeZone" defaultValue={date.timeZone ?? ""} hint="IANA name, e.g. Europe/Kyiv" />
          <button type="submit" className="button" disabled={pending}>
            Accept with these edits
          </button>
        </form>
      ) : null}
    </div>
  );
}

/** Accepts a claim proposal (annotation and claim in one step) or dismisses it. */
export function ClaimProposalControls({
  articleId,
  proposalId,
  subject,
  eventKnown,
  decisions,
}: {
  articleId: string;
  proposalId: string;
  subject: string;
  eventKnown: boolean;
  decisions: Pick<ProposalDecisions, "acceptClaim" | "dismissClaim">;
}) {
  const { pending, error, run } = useDecision();
  return (
    <span className="verdicts">
      <button
        type="button"
        className="button"
        disabled={pending || !eventKnown}
        title={eventKnown ? undefined : "Accept the event first"}
        aria-label={`Accept claim ${subject}`}
        onClick={() => run(() => decisions.acceptClaim(articleId, proposalId))}
      >
        Accept
      </button>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Dismiss claim ${subject}`}
        onClick={() => run(() => decisions.dismissClaim(articleId, proposalId))}
      >
        Dismiss
      </button>
      <DecisionError error={error} />
    </span>
  );
}
