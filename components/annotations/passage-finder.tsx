"use client";

import { useId, useState } from "react";
import { selectOffsets } from "./selection-offsets";

type Props = {
  text: string;
  rootRef: React.RefObject<HTMLDivElement | null>;
  /** Called once the passage is selected, e.g. to move focus to the action button. */
  onSelected: () => void;
};

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Selecting without a mouse: type words from the passage and the text selection moves to
 * the next place they occur, and focus moves to "Annotate", which works as after a mouse
 * selection.
 */
export function PassageFinder({ text, rootRef, onSelected }: Props) {
  const fieldId = useId();
  const [query, setQuery] = useState("");
  const [from, setFrom] = useState(0);
  const [status, setStatus] = useState("");

  function find() {
    const needle = query.trim();
    const root = rootRef.current;
    if (!needle || !root) return;
    const pattern = new RegExp(escapeRegExp(needle).replace(/\s+/g, "\\s+"), "gi");
    pattern.lastIndex = from;
    let match = pattern.exec(text);
    if (!match) {
      // Wrap around to the start of the text.
      pattern.lastIndex = 0;
      match = pattern.exec(text);
    }
    if (!match) {
      setStatus(`“${needle}” is not in the text.`);
      return;
    }
    const start = match.index;
    const end = start + match[0].length;
    setFrom(end);
    if (!selectOffsets(root, start, end)) return;
    setStatus(`Selected “${match[0]}”.`);
    onSelected();
  }

  return (
    <form
      className="passage-finder inline-form"
      role="search"
      aria-label="Select a passage"
      onSubmit={(event) => {
        event.preventDefault();
        find();
      }}
    >
      <div className="field">
        <label htmlFor={fieldId}>Select a passage by its words</label>
        <input
          id={fieldId}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setFrom(0);
          }}
        />
      </div>
      <button type="submit" className="button secondary">
        Select next match
      </button>
      <span role="status" className="muted">
        {status}
      </span>
    </form>
  );
}
