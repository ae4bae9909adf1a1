"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/api/action";
import { STATUS_LABELS, type ContradictionStatus } from "@/lib/contradictions/schemas";

type CurrentState = { status?: string; resolvedBy?: { name: string } | null; rationale?: string | null };

function currentOf(details: unknown): CurrentState | null {
  const current = (details as { current?: CurrentState } | null)?.current;
  return current && typeof current === "object" ? current : null;
}

/**
 * The result of a contradiction action. A conflict shows what the contradiction is now
 * (someone else got there first) and offers to load it; the form keeps its input.
 */
export function ActionOutcome({ result }: { result: ActionResult<unknown> | null }) {
  const router = useRouter();
  if (!result) return null;
  if (result.ok) return <Alert kind="success">{result.message}</Alert>;
  const current = currentOf(result.details);
  const status = current?.status?.toUpperCase() as ContradictionStatus | undefined;
  return (
    <Alert kind="error">
      <p>{result.error}</p>
      {current && status && STATUS_LABELS[status] ? (
        <p>
          It is now: <strong>{STATUS_LABELS[status]}</strong>
          {current.resolvedBy ? `, resolved by ${current.resolvedBy.name}` : ""}
          {current.rationale ? ` (“${current.rationale}”)` : ""}.{" "}
          <button type="button" className="button secondary" onClick={() => router.refresh()}>
            Show the current state
          </button>
        </p>
      ) : null}
    </Alert>
  );
}
