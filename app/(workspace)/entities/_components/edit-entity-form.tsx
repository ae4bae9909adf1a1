"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import type { EntityView } from "@/lib/entities/types";
import { updateEntityAction } from "../[id]/actions";
import { ENTITY_TYPE_OPTIONS } from "./entity-type-options";

/** Edits name, type, description and external id from the version shown; a stale version is refused, keeping the input. */
export function EditEntityForm({ entity }: { entity: EntityView }) {
  const router = useRouter();
  const { result: state, pending, onSubmit } = useActionForm(updateEntityAction.bind(null, entity.id));
  const duplicate = state && !state.ok && (state.details as { existing?: unknown } | undefined)?.existing;
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form onSubmit={onSubmit} className="card" aria-label="Edit entity" key={entity.version}>
      <h2>Edit</h2>
      <input type="hidden" name="version" value={entity.version} />
      <div className="inline-form">
        <SelectField label="Type" name="type" options={ENTITY_TYPE_OPTIONS} defaultValue={entity.type} />
        <Field label="Canonical name" name="name" defaultValue={entity.name} required maxLength={200} />
        <Field label="External id" name="externalId" defaultValue={entity.externalId ?? ""} hint="e.g. Q7747 (Wikidata)" maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor={`description-${entity.id}`}>Description</label>
        <textarea id={`description-${entity.id}`} name="description" rows={2} defaultValue={entity.description ?? ""} maxLength={2000} />
      </div>
      {duplicate ? (
        <label>
          <input type="checkbox" name="confirmDuplicate" /> It is a different one: keep this name anyway
        </label>
      ) : null}
      {state && !state.ok ? (
        <Alert kind="error">
          {state.error}
          {state.error.includes("since you opened it") ? " Reload the page to see the current state; what you typed is still here." : null}
        </Alert>
      ) : null}
      {state?.ok ? <Alert kind="success">{state.message}</Alert> : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
