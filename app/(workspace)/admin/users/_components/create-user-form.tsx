"use client";

import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { ROLE_OPTIONS } from "./role-options";
import { createUserAction } from "../actions";

export function CreateUserForm() {
  const { pending, result: state, onSubmit } = useActionForm(createUserAction, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} className="card" aria-label="Add a user">
      <h2>Add a user</h2>
      <div className="inline-form">
        <Field label="Email" name="email" type="email" required />
        <Field label="Name" name="name" />
        <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue="EDITOR" />
        <Field label="Initial password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" />
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </button>
      </div>
      {state && !state.ok ? <Alert kind="error">{state.error}</Alert> : null}
      {state?.ok ? <Alert kind="success">{state.message}</Alert> : null}
    </form>
  );
}
