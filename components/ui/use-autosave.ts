"use client";

import { useEffect, useRef, useState } from "react";

/** blocked: a save was refused in a way only the user can settle (someone else saved first). */
export type AutosaveStatus = "saved" | "unsaved" | "saving" | "blocked";

/** How one save went; `block` stops saving until `resume`. A thrown error counts as a failure. */
export type SaveAttempt = { ok: true } | { ok: false; block?: boolean };

export type AutosaveOptions = {
  /** Quiet time after the last change before saving. */
  delayMs: number;
  /** Sends the current state. */
  save: () => Promise<SaveAttempt>;
  onStatus: (status: AutosaveStatus) => void;
  /** Runs `run` after `ms` and returns a cancel function (setTimeout by default; tests pass their own). */
  schedule?: (run: () => void, ms: number) => () => void;
};

export type Autosave = {
  /** Marks unsaved changes and saves after the quiet time. */
  changed(): void;
  /** Saves now, unless a save is running (its end picks up the changes), the loop is blocked or nothing changed. */
  flush(): Promise<void>;
  /** Unblocks after a refusal: keeping the changes saves them now, dropping them counts as saved. */
  resume(keepChanges: boolean): Promise<void>;
  /** Whether leaving now would lose changes. */
  hasPending(): boolean;
  dispose(): void;
};

function timeout(run: () => void, ms: number): () => void {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
}

/**
 * The autosave loop, without React: one save at a time, changes made during a save go out
 * after it, a failed save waits for the next change or a flush, a blocked one for `resume`.
 */
export function createAutosave({ delayMs, save, onStatus, schedule = timeout }: AutosaveOptions): Autosave {
  let dirty = false;
  let saving = false;
  let blocked = false;
  let cancel: (() => void) | null = null;

  const stop = () => {
    cancel?.();
    cancel = null;
  };
  const later = () => {
    stop();
    cancel = schedule(() => void flush(), delayMs);
  };

  async function flush(): Promise<void> {
    stop();
    if (saving || blocked || !dirty) return;
    saving = true;
    dirty = false;
    onStatus("saving");
    let succeeded = false;
    try {
      const attempt = await save();
      succeeded = attempt.ok;
      if (!attempt.ok) {
        dirty = true;
        blocked = attempt.block ?? false;
      }
    } catch {
      dirty = true;
    } finally {
      saving = false;
      onStatus(blocked ? "blocked" : dirty ? "unsaved" : "saved");
      if (succeeded && dirty) later();
    }
  }

  return {
    changed() {
      dirty = true;
      if (!blocked) onStatus("unsaved");
      later();
    },
    flush,
    async resume(keepChanges) {
      blocked = false;
      dirty = keepChanges;
      if (keepChanges) return flush();
      stop();
      onStatus("saved");
    },
    hasPending: () => dirty || saving,
    dispose: stop,
  };
}

/**
 * Autosave for a form or editor: call `changed` on every edit; `save` is read afresh for
 * each save, so it may close over the latest state. Warns before leaving with unsaved changes.
 */
export function useAutosave({ delayMs, save }: Pick<AutosaveOptions, "delayMs" | "save">) {
  const [status, setStatus] = useState<AutosaveStatus>("saved");
  const latestSave = useRef(save);
  latestSave.current = save;
  const [autosave] = useState(() => createAutosave({ delayMs, save: () => latestSave.current(), onStatus: setStatus }));

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (autosave.hasPending()) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      autosave.dispose();
    };
  }, [autosave]);

  return { status, changed: autosave.changed, flush: autosave.flush, resume: autosave.resume };
}
