"use client";

import { useCallback } from "react";
import { ENTITY_TYPE_LABELS, type EntityTypeName } from "@/lib/entities/schemas";
import type { EntitySearchHit } from "@/lib/entities/types";
import { SearchPicker, type PickerOption } from "./search-picker";
import "./entities.css";

type EntityPickerProps = {
  label: string;
  value: PickerOption | null;
  onChange: (option: PickerOption | null) => void;
  /** Only these types are offered. */
  types?: readonly EntityTypeName[];
  /** Leaves this entity out of the results (e.g. the entity being merged). */
  excludeId?: string;
  name?: string;
};

/** Finds an entity by name or alias through the JSON API (the session cookie authenticates). */
export function EntityPicker({ label, value, onChange, types, excludeId, name }: EntityPickerProps) {
  const typeKey = types?.join(",") ?? "";
  const search = useCallback(
    async (q: string): Promise<PickerOption[]> => {
      const allowed = typeKey ? typeKey.split(",") : null;
      const params = new URLSearchParams({ q, limit: "12" });
      if (allowed?.length === 1) params.set("type", allowed[0]);
      const response = await fetch(`/api/entities?${params}`, { headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`search failed: ${response.status}`);
      const { entities } = (await response.json()) as { entities: EntitySearchHit[] };
      return entities
        .filter((e) => (!allowed || allowed.includes(e.type)) && e.id !== excludeId)
        .map((e) => ({
          id: e.id,
          label: e.name,
          detail: `(${ENTITY_TYPE_LABELS[e.type].toLowerCase()}${e.matched !== e.name ? `; “${e.matched}”` : ""})`,
        }));
    },
    [typeKey, excludeId],
  );
  return <SearchPicker label={label} search={search} value={value} onChange={onChange} name={name} placeholder="Name or alias" />;
}
