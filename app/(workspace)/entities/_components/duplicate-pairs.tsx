"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { DUPLICATE_VERDICT_LABELS, DUPLICATE_VERDICTS, ENTITY_TYPE_LABELS, type DuplicateVerdictName } from "@/lib/entities/schemas";
import type { DuplicateCandidateView } from "@/lib/entities/types";
import { judgeDuplicateAction, mergeEntitiesAction } from "../actions";

/** Suspected duplicates with Same / Different / Not sure; "Same" offers the merge in either direction. */
export function DuplicatePairs({ candidates, canEdit }: { candidates: DuplicateCandidateView[]; canEdit: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  function run(action: () => Promise<{ ok: boolean; error?: string; message?: string }>, after?: () => void) {
    startTransition(async () => {
      const result = await action();
      setMessage(result.ok ? { kind: "success", text: result.message ?? "Done." } : { kind: "error", text: result.error ?? "That did not work." });
      if (result.ok) (after ?? (() => router.refresh()))();
    });
  }

  if (candidates.length === 0) return <p className="muted">No suspected duplicates.</p>;
  return (
    <>
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Entities</th>
            <th scope="col">Why</th>
            <th scope="col">Judgement</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => {
            const pair = `${c.a.name} and ${c.b.name}`;
            return (
              <tr key={`${c.a.id}|${c.b.id}`}>
                <td>
                  <Link href={`/entities/${c.a.id}`}>{c.a.name}</Link>
                  {c.a.aliases.length ? <span className="muted"> ({c.a.aliases.join(", ")})</span> : null}
                  <br />
                  <Link href={`/entities/${c.b.id}`}>{c.b.name}</Link>
                  {c.b.aliases.length ? <span className="muted"> ({c.b.aliases.join(", ")})</span> : null}
                  <br />
                  <span className="tag">{ENTITY_TYPE_LABELS[c.a.type]}</span>
                </td>
                <td>{c.reason === "shared alias" ? "They share an alias" : `Similar names (${Math.round(c.score * 100)}%)`}</td>
                <td>
                  <div className="verdicts" role="group" aria-label={`Are ${pair} the same?`}>
                    {DUPLICATE_VERDICTS.map((v: DuplicateVerdictName) => (
                      <button
                        key={v}
                        type="button"
                        className="button secondary"
                        aria-pressed={c.verdict === v}
                        disabled={!canEdit || pending}
                        onClick={() => run(() => judgeDuplicateAction({ entityAId: c.a.id, entityBId: c.b.id, verdict: v }))}
                      >
                        {DUPLICATE_VERDICT_LABELS[v]}
                      </button>
                    ))}
                  </div>
                  {canEdit && c.verdict === "SAME" ? (
                    <div className="verdicts">
                      <button
                        type="button"
                        className="button"
                        disabled={pending}
                        onClick={() => run(() => mergeEntitiesAction({ sourceId: c.b.id, into: c.a.id }))}
                      >
                        Merge {c.b.name} into {c.a.name}
                      </button>
                      <button
                        type="button"
                        className="button"
                        disabled={pending}
                        onClick={() => run(() => mergeEntitiesAction({ sourceId: c.a.id, into: c.b.id }))}
                      >
                        Merge {c.a.name} into {c.b.name}
                      </button>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
