"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteEntityAction } from "../[id]/actions";

export function DeleteEntityButton({ entityId, name }: { entityId: string; name: string }) {
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
          if (!window.confirm(`Delete ${name}? Nothing links to it.`)) return;
          startTransition(async () => {
            const result = await deleteEntityAction(entityId);
            if (result.ok) router.push("/entities");
            else setError(result.error);
          });
        }}
      >
        Delete entity
      </button>
      {error ? <span role="alert" className="alert error">{error}</span> : null}
    </p>
  );
}
