"use client";

import { useCallback } from "react";
import { SearchPicker, type PickerOption } from "@/components/entities/search-picker";
import type { EventSummary } from "@/lib/events/types";

type EventPickerProps = {
  label: string;
  value: PickerOption | null;
  onChange: (option: PickerOption | null) => void;
  excludeId?: string;
};

/** Finds an event by words of its title through the JSON API. */
export function EventPicker({ label, value, onChange, excludeId }: EventPickerProps) {
  const search = useCallback(
    async (q: string): Promise<PickerOption[]> => {
      const response = await fetch(`/api/events?${new URLSearchParams({ q, limit: "12" })}`, { headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`search failed: ${response.status}`);
      const { events } = (await response.json()) as { events: EventSummary[] };
      return events.filter((e) => e.id !== excludeId).map((e) => ({ id: e.id, label: e.title, detail: e.date ? `(${e.date.label})` : "(undated)" }));
    },
    [excludeId],
  );
  return <SearchPicker label={label} search={search} value={value} onChange={onChange} placeholder="Words of the title" />;
}
