"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import type { EntityAliasView } from "@/lib/entities/types";
import { addAliasAction, removeAliasAction } from "../[id]/actions";

export function AliasEditor({ entityId, aliases, canEdit }: { entityId: string; aliases: EntityAliasView[]; canEdit: boolean }) {
  const router = useRouter();
  const {
    result: state,
    pending,
    onSubmit,
  } = useActionForm(
    async (form: FormData) => {
      const result = await addAliasAction(entityId, form);
      if (result.ok) router.refresh();
      return result;
    },
    { resetOnSuccess: true },
  );
  const [removing, startRemoving] = useTransition();
  const [removeError, setRemoveError] = useState<string | null>(null);
  return (
    <section aria-labelledby="aliases-heading">
      <h2 id="aliases-heading">Aliases</h2>
      {aliases.length === 0 ? <p className="muted">No aliases yet.</p> : null}
      <ul className="alias-list" aria-label="Aliases">
        {aliases.map((a) => (
          <li key={a.id}>
            {a.alias}
            {canEdit ? (
              <button
                type="button"
                aria-label={`Remove alias ${a.alias}`}
                disabled={removing}
                onClick={() =>
                  startRemoving(async () => {
                    const result = await removeAliasAction(entityId, a.id);
                    setRemoveError(result.ok ? null : result.error);
                    if (result.ok) router.refresh();
                  })
                }
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {removeError ? <Alert kind="error">{removeError}</Alert> : null}
      {canEdit ? (
        <form onSubmit={onSubmit} className="inline-form" aria-label="Add an alias">
          <Field label="New alias" name="alias" required maxLength={200} />
          <button type="submit" className="button secondary" disabled={pending}>
            Add alias
          </button>
        </form>
      ) : null}
      {state && !state.ok ? <Alert kind="error">{state.error}</Alert> : null}
      {state?.ok ? <Alert kind="success">{state.message}</Alert> : null}
    </section>
  );
}
