"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { EntityPicker } from "@/components/entities/entity-picker";
import type { PickerOption } from "@/components/entities/search-picker";
import { Alert } from "@/components/ui/alert";
import { mergeEntitiesAction } from "../actions";

/** Merges this entity into another chosen by search; the page then follows to the one that remains. */
export function MergeForm({ entityId, entityName }: { entityId: string; entityName: string }) {
  const router = useRouter();
  const [target, setTarget] = useState<PickerOption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="card"
      aria-label="Merge into another entity"
      onSubmit={(event) => {
        event.preventDefault();
        if (!target) {
          setError("Choose the entity to merge into.");
          return;
        }
        startTransition(async () => {
          const result = await mergeEntitiesAction({ sourceId: entityId, into: target.id });
          if (result.ok) router.push(`/entities/${result.data.targetId}`);
          else setError(result.error);
        });
      }}
    >
      <h2>Merge</h2>
      <p className="muted">Merging moves {entityName}’s aliases, linked passages, event participations and claims to the chosen entity. It can be undone.</p>
      <EntityPicker label="Merge into" value={target} onChange={setTarget} excludeId={entityId} />
      {error ? <Alert kind="error">{error}</Alert> : null}
      <button type="submit" className="button" disabled={pending || !target}>
        {pending ? "Merging…" : target ? `Merge into ${target.label}` : "Merge"}
      </button>
    </form>
  );
}
