"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { MAX_SUMMARY_CHARS, MAX_TITLE_CHARS } from "@/lib/briefings/schemas";
import { createBriefingAction } from "../actions";

export function NewBriefingForm() {
  const [state, action] = useActionState(createBriefingAction, null);
  // Controlled, so a refused submission keeps what was typed.
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  const [summary, setSummary] = useState("");
  const suggestion = state && !state.ok ? (state.details as { suggestion?: string } | undefined)?.suggestion : undefined;
  return (
    <form action={action} className="card" aria-label="New briefing">
      <Field label="Title" name="title" required maxLength={MAX_TITLE_CHARS} value={title} onChange={(event) => setTitle(event.target.value)} />
      <Field
        label="Address"
        name="slug"
        value={slug}
        onChange={(event) => setSlug(event.target.value)}
        hint="The end of the public address, /briefings/… Leave empty to make one from the title."
      />
      <div className="field">
        <label htmlFor="new-briefing-summary">Summary</label>
        <textarea
          id="new-briefing-summary"
          name="summary"
          rows={3}
          maxLength={MAX_SUMMARY_CHARS}
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
        />
      </div>
      <SubmitButton pendingText="Creating…">Create briefing</SubmitButton>
      {state && !state.ok ? (
        <Alert kind="error">
          {state.error}{" "}
          {suggestion ? (
            <button type="button" className="button secondary" onClick={() => setSlug(suggestion)}>
              Use {suggestion}
            </button>
          ) : null}
        </Alert>
      ) : null}
    </form>
  );
}
