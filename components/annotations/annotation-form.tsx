"use client";

import type { JSONContent } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { AnnotationKindView } from "@/lib/annotations/types";
import { CommentEditor } from "./comment-editor";

export type AnnotationFormValues = { kind: string; comment?: JSONContent; tags: string[] };

type Props = {
  /** Accessible name of the form, e.g. "New annotation". */
  title: string;
  quote: string;
  kinds: readonly AnnotationKindView[];
  initial?: { kind: string; comment?: JSONContent; tags: readonly string[] };
  submitLabel: string;
  /** Resolves to an error message to show, or null on success. */
  onSubmit: (values: AnnotationFormValues) => Promise<string | null>;
  onCancel: () => void;
};

export function parseTags(value: string): string[] {
  return value
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}

/** Kind, comment and tags of an annotation; what the user typed survives a failed save. */
export function AnnotationForm({ title, quote, kinds, initial, submitLabel, onSubmit, onCancel }: Props) {
  const kindId = useId();
  const tagsId = useId();
  const kindRef = useRef<HTMLSelectElement>(null);
  const [kind, setKind] = useState(initial?.kind ?? kinds[0]?.key ?? "");
  const [comment, setComment] = useState<JSONContent | undefined>(undefined);
  const [tags, setTags] = useState((initial?.tags ?? []).join(", "));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => kindRef.current?.focus(), []);

  // An inactive kind stays selectable on an annotation that already has it.
  const options = kinds.filter((option) => option.active || option.key === initial?.kind);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const message = await onSubmit({ kind, comment, tags: parseTags(tags) });
    setPending(false);
    setError(message);
  }

  return (
    <form className="annotation-form" aria-label={title} onSubmit={submit}>
      <h3>{title}</h3>
      <blockquote className="annotation-quote">{quote}</blockquote>
      <div className="field">
        <label htmlFor={kindId}>Kind</label>
        <select id={kindId} ref={kindRef} value={kind} onChange={(event) => setKind(event.target.value)}>
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <CommentEditor label="Comment" initial={initial?.comment} onChange={setComment} />
      <div className="field">
        <label htmlFor={tagsId}>Tags</label>
        <input id={tagsId} value={tags} onChange={(event) => setTags(event.target.value)} aria-describedby={`${tagsId}-hint`} />
        <span id={`${tagsId}-hint`} className="hint">
          Separate tags with commas.
        </span>
      </div>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <div className="inline-form">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
