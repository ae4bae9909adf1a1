"use client";

import { useState } from "react";
import { EntityPicker } from "@/components/entities/entity-picker";
import type { PickerOption } from "@/components/entities/search-picker";
import { Field } from "@/components/ui/field";

/** A plain GET form: the page reads ?entity=&from=&to=, so a filtered timeline can be bookmarked. */
export function EventFilters({ entity, from, to }: { entity: PickerOption | null; from: string; to: string }) {
  const [chosen, setChosen] = useState<PickerOption | null>(entity);
  return (
    <form method="get" className="card" role="search" aria-label="Filter events">
      <div className="inline-form">
        <EntityPicker label="Involving" value={chosen} onChange={setChosen} name="entity" />
        <Field label="From" name="from" type="date" defaultValue={from} />
        <Field label="To" name="to" type="date" defaultValue={to} />
        <button type="submit" className="button secondary">
          Apply filters
        </button>
        <a href="/events" className="button secondary">
          Clear
        </a>
      </div>
    </form>
  );
}
