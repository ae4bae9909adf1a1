"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import { addNamesToEntityAction, createEntityAction } from "../actions";
import { ENTITY_TYPE_OPTIONS } from "./entity-type-options";

type Existing = { id: string; name: string };

function existingFrom(details: unknown): Existing | null {
  const existing = (details as { existing?: Existing } | undefined)?.existing;
  return existing?.id ? existing : null;
}

/**
 * Creates an entity. When one of the same type already has the name, the editor chooses:
 * add the names to that one (the merge), or confirm this is a different entity.
 */
export function CreateEntityForm() {
  const { result: state, pending: submitting, onSubmit } = useActionForm(createEntityAction, { resetOnSuccess: true });
  const [merged, setMerged] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const existing = state && !state.ok ? existingFrom(state.details) : null;

  function addToExisting(target: Existing) {
    const data = new FormData(form.current!);
    const names = [String(data.get("name") ?? ""), ...String(data.get("aliases") ?? "").split(/[\n,]/)].map((n) => n.trim()).filter(Boolean);
    startTransition(async () => {
      const result = await addNamesToEntityAction(target.id, names);
      setMerged(result.ok ? `The names were added to ${target.name}.` : result.error);
    });
  }

  return (
    <form ref={form} onSubmit={onSubmit} className="card" aria-label="Add an entity">
      <h2>Add an entity</h2>
      <div className="inline-form">
        <SelectField label="Type" name="type" options={ENTITY_TYPE_OPTIONS} defaultValue="PERSON" />
        <Field label="Canonical name" name="name" required maxLength={200} />
        <Field label="External id" name="externalId" hint="e.g. a Wikidata id such as Q7747; stored, not fetched" maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="new-entity-aliases">Aliases</label>
        <textarea id="new-entity-aliases" name="aliases" rows={3} aria-describedby="new-entity-aliases-hint" />
        <span id="new-entity-aliases-hint" className="hint">
          One per line: spellings, transliterations, titles (“Sergey Lavrov”, “the Kremlin”).
        </span>
      </div>
      <div className="field">
        <label htmlFor="new-entity-description">Description</label>
        <textarea id="new-entity-description" name="description" rows={2} maxLength={2000} />
      </div>
      {existing ? (
        <div className="alert error" role="alert">
          <p>{state && !state.ok ? state.error : null}</p>
          <p>
            <Link href={`/entities/${existing.id}`}>Open {existing.name}</Link>{" "}
            <button type="button" className="button secondary" disabled={pending} onClick={() => addToExisting(existing)}>
              Add these names to {existing.name}
            </button>
          </p>
          <label>
            <input type="checkbox" name="confirmDuplicate" /> It is a different one: create it anyway
          </label>
        </div>
      ) : state && !state.ok ? (
        <Alert kind="error">{state.error}</Alert>
      ) : null}
      {merged ? <Alert kind="success">{merged}</Alert> : null}
      {state?.ok ? (
        <Alert kind="success">
          {state.message} <Link href={`/entities/${state.data.id}`}>Open {state.data.name}</Link>
        </Alert>
      ) : null}
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? "Adding…" : "Add entity"}
      </button>
    </form>
  );
}
