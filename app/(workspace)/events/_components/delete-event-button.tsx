"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteEventAction } from "../[id]/actions";

export function DeleteEventButton({ eventId, title }: { eventId: string; title: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <p>
      <button
        type="button"
        className="button danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Delete “${title}”? No passage links to it.`)) return;
          startTransition(async () => {
            const result = await deleteEventAction(eventId);
            if (result.ok) router.push("/events");
            else setError(result.error);
          });
        }}
      >
        Delete event
      </button>
      {error ? <span role="alert" className="alert error">{error}</span> : null}
    </p>
  );
}
