"use client";

import { useState, useTransition } from "react";
import { revokeTokenAction } from "../actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button danger"
        disabled={pending}
        aria-label={`Revoke token ${name}`}
        onClick={() =>
          startTransition(async () => {
            const result = await revokeTokenAction(tokenId);
            setError(result.ok ? null : result.error);
          })
        }
      >
        Revoke
      </button>
      {error ? <span role="alert">{error}</span> : null}
    </>
  );
}
