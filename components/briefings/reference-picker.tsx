"use client";

import { useId, useMemo, useState } from "react";

export type PickerItem = { id: string; label: string; detail?: string; warning?: string };

type Props = {
  /** The picker's accessible name, e.g. "Cite passages". */
  title: string;
  items: readonly PickerItem[];
  multiple: boolean;
  insertLabel: string;
  emptyText: string;
  onInsert: (ids: string[]) => void;
  onCancel: () => void;
};

/** Choose one or more workspace items to insert into the briefing, filtering as you type. */
export function ReferencePicker({ title, items, multiple, insertLabel, emptyText, onInsert, onCancel }: Props) {
  const filterId = useId();
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const shown = useMemo(() => {
    const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return items.filter((item) => words.every((word) => `${item.label} ${item.detail ?? ""}`.toLocaleLowerCase().includes(word))).slice(0, 100);
  }, [filter, items]);

  function toggle(id: string, on: boolean) {
    setChosen((current) => (multiple ? (on ? [...current, id] : current.filter((item) => item !== id)) : on ? [id] : []));
  }

  return (
    <div role="group" aria-label={title} className="reference-picker card">
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={filterId}>Filter</label>
            {/* biome-ignore lint/a11y/noAutofocus: the picker opens at the user's request, so focus moves to its filter. */}
            <input id={filterId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} autoFocus />
          </div>
          <fieldset className="reference-picker-options">
            <legend className="visually-hidden">{title}</legend>
            {shown.length === 0 ? <p className="muted">Nothing matches.</p> : null}
            {shown.map((item) => (
              <label key={item.id} className="reference-picker-option">
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={`${filterId}-choice`}
                  checked={chosen.includes(item.id)}
                  onChange={(event) => toggle(item.id, event.target.checked)}
                />
                <span>
                  {item.label}
                  {item.detail ? <span className="muted"> — {item.detail}</span> : null}
                  {item.warning ? <span className="reference-warning"> ({item.warning})</span> : null}
                </span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      <div className="inline-form">
        <button type="button" className="button" disabled={chosen.length === 0} onClick={() => onInsert(chosen)}>
          {insertLabel}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
