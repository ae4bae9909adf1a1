"use client";

import { useState } from "react";

/**
 * A <details> section whose first state comes from the server but is the reader's after that:
 * a server refresh (after saving inside it) must not close it over the message that says what happened.
 */
export function Disclosure({ summary, defaultOpen = false, children }: { summary: React.ReactNode; defaultOpen?: boolean; children: React.ReactNode }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
