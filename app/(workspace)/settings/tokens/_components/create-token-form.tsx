"use client";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createTokenAction } from "../actions";

export function CreateTokenForm() {
  const { pending, result: state, onSubmit } = useActionForm(createTokenAction, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} className="card" aria-label="Create a token">
      <div className="inline-form">
        <Field label="Token name" name="name" required maxLength={80} hint="What will use it, e.g. the import script." />
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </div>
      {state && !state.ok ? <Alert kind="error">{state.error}</Alert> : null}
      {state?.ok ? (
        <Alert kind="success">
          <p>Token &ldquo;{state.data.name}&rdquo; created. Copy it now: it is not shown again.</p>
          <output className="token-value" aria-label="New token">
            {state.data.token}
          </output>
        </Alert>
      ) : null}
    </form>
  );
}
