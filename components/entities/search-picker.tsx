"use client";

import { useEffect, useId, useState } from "react";

export type PickerOption = { id: string; label: string; detail?: string };

type SearchPickerProps = {
  /** The accessible name of the search box, e.g. "Participant". */
  label: string;
  search: (query: string) => Promise<PickerOption[]>;
  value: PickerOption | null;
  onChange: (option: PickerOption | null) => void;
  /** When set, a hidden input carries the chosen id in a plain form. */
  name?: string;
  placeholder?: string;
};

const DEBOUNCE_MS = 200;

/**
 * A search box whose results are buttons: type, then choose one. Once chosen, the choice
 * is shown with a button to change it. Failed searches say so instead of showing nothing.
 */
export function SearchPicker({ label, search, value, onChange, name, placeholder }: SearchPickerProps) {
  const inputId = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PickerOption[]>([]);
  const [error, setError] = useState<string | null>(null);

  // A choice cleared from outside (after a successful link, say) starts a fresh search.
  useEffect(() => {
    if (!value) setQuery("");
  }, [value]);

  useEffect(() => {
    if (value || !query.trim()) {
      setResults([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      search(query.trim())
        .then((options) => {
          if (!cancelled) {
            setResults(options);
            setError(null);
          }
        })
        .catch(() => {
          if (!cancelled) setError("Searching failed; try again.");
        });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, value, search]);

  return (
    <div className="field search-picker">
      {name ? <input type="hidden" name={name} value={value?.id ?? ""} /> : null}
      {value ? (
        <>
          <span className="search-picker-label">{label}</span>
          <span className="search-picker-choice">
            <strong>{value.label}</strong>
            {value.detail ? <span className="muted"> {value.detail}</span> : null}{" "}
            <button type="button" className="button secondary" aria-label={`Change ${label.toLowerCase()}: ${value.label}`} onClick={() => onChange(null)}>
              Change
            </button>
          </span>
        </>
      ) : (
        <>
          <label htmlFor={inputId}>{label}</label>
          <input id={inputId} type="search" autoComplete="off" value={query} placeholder={placeholder} onChange={(e) => setQuery(e.target.value)} />
          {error ? (
            <span role="alert" className="hint">
              {error}
            </span>
          ) : null}
          {results.length > 0 ? (
            <ul className="search-picker-results" aria-label={`${label}: results`}>
              {results.map((option) => (
                <li key={option.id}>
                  <button type="button" className="search-picker-result" onClick={() => onChange(option)}>
                    {option.label}
                    {option.detail ? <span className="muted"> {option.detail}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : query.trim() && !error ? (
            <span className="hint" aria-live="polite">
              No match yet.
            </span>
          ) : null}
        </>
      )}
    </div>
  );
}
