"use client";

import { useState, useTransition } from "react";
import type { AnnotationKindView } from "@/lib/annotations/types";
import { updateAnnotationKindAction } from "../actions";

export function KindRow({ kind }: { kind: AnnotationKindView }) {
  const [label, setLabel] = useState(kind.label);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function save(change: { label?: string; active?: boolean }) {
    startTransition(async () => {
      const result = await updateAnnotationKindAction({ key: kind.key, ...change });
      setMessage(result.ok ? { ok: true, text: result.message ?? "Saved." } : { ok: false, text: result.error });
    });
  }

  return (
    <tr>
      <td>
        <code>{kind.key}</code>
        {kind.builtIn ? <span className="muted"> (built in)</span> : null}
      </td>
      <td>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            save({ label });
          }}
        >
          <label className="visually-hidden" htmlFor={`label-${kind.key}`}>
            Label of {kind.key}
          </label>
          <input id={`label-${kind.key}`} type="text" value={label} onChange={(event) => setLabel(event.target.value)} />
          <button type="submit" className="button secondary" aria-label={`Rename ${kind.key}`} disabled={pending || label === kind.label}>
            Rename
          </button>
        </form>
      </td>
      <td>{kind.active ? "active" : "inactive"}</td>
      <td>
        {kind.builtIn ? (
          <span className="muted">Always active</span>
        ) : (
          <button
            type="button"
            className="button secondary"
            aria-label={`${kind.active ? "Deactivate" : "Activate"} ${kind.key}`}
            disabled={pending}
            onClick={() => save({ active: !kind.active })}
          >
            {kind.active ? "Deactivate" : "Activate"}
          </button>
        )}
        {message ? <span role={message.ok ? "status" : "alert"}> {message.text}</span> : null}
      </td>
    </tr>
  );
}
