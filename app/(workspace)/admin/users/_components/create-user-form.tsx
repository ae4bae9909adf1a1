"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { ROLE_OPTIONS } from "./role-options";
import { createUserAction } from "../actions";

export function CreateUserForm() {
  const [state, action] = useActionState(createUserAction, null);
  return (
    <form action={action} className="card" aria-label="Add a user">
      <h2>Add a user</h2>
      <div className="inline-form">
        <Field label="Email" name="email" type="email" required />
        <Field label="Name" name="name" />
        <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue="EDITOR" />
        <Field label="Initial password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" />
        <SubmitButton pendingText="Adding…">Add user</SubmitButton>
      </div>
      {state && !state.ok ? <Alert kind="error">{state.error}</Alert> : null}
      {state?.ok ? <Alert kind="success">{state.message}</Alert> : null}
    </form>
  );
}
