"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { createTokenAction } from "../actions";

export function CreateTokenForm() {
  const [state, action] = useActionState(createTokenAction, null);
  return (
    <form action={action} className="card">
      <div className="inline-form">
        <Field label="Token name" name="name" required maxLength={80} hint="What will use it, e.g. the import script." />
        <SubmitButton pendingText="Creating…">Create token</SubmitButton>
      </div>
      {state && !state.ok ? <Alert kind="error">{state.error}</Alert> : null}
      {state?.ok ? (
        <Alert kind="success">
          <p>Token &ldquo;{state.data.name}&rdquo; created. Copy it now: it is not shown again.</p>
          <p className="token-value" aria-label="New token">{state.data.token}</p>
        </Alert>
      ) : null}
    </form>
  );
}
