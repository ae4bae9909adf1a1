"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { createAnnotationKindAction } from "../actions";

/** Controlled fields, so a refused key or label stays in place to be corrected. */
export function CreateKindForm() {
  const [key, setKey] = useState("");
  const [label, setLabel] = useState("");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await createAnnotationKindAction({ key, label });
      if (outcome.ok) {
        setKey("");
        setLabel("");
      }
      setResult(outcome.ok ? { ok: true, text: outcome.message ?? "Kind added." } : { ok: false, text: outcome.error });
    });
  }

  return (
    <form onSubmit={submit} className="card" aria-label="Add a kind">
      <h2>Add a kind</h2>
      <div className="inline-form">
        <Field
          label="Key"
          name="key"
          required
          value={key}
          onChange={(event) => setKey(event.target.value)}
          hint="Lower-case letters, digits and hyphens, e.g. “statistic”. Stored on annotations; cannot change."
        />
        <Field label="Label" name="label" required value={label} onChange={(event) => setLabel(event.target.value)} />
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Adding…" : "Add kind"}
        </button>
      </div>
      {result ? <Alert kind={result.ok ? "success" : "error"}>{result.text}</Alert> : null}
    </form>
  );
}
