"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { approveAnnotationsAction } from "../actions";

export const BULK_FORM_ID = "bulk-approve";

/**
 * Approves the annotations whose "Select" boxes are ticked (the boxes sit in the cards and belong
 * to this form through their form attribute). Each is still checked on the server on its own.
 */
export function BulkApprove({ selectable }: { selectable: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  function boxes(form: HTMLFormElement): HTMLInputElement[] {
    return [...form.ownerDocument.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${BULK_FORM_ID}"]`)];
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const items = boxes(event.currentTarget)
      .filter((box) => box.checked)
      .map((box) => ({ id: box.value, version: Number(box.dataset.version) }));
    if (items.length === 0) {
      setResult({ ok: false, text: "Select at least one annotation to approve." });
      return;
    }
    startTransition(async () => {
      const outcome = await approveAnnotationsAction({ items });
      if (!outcome.ok) {
        setResult({ ok: false, text: outcome.error });
        return;
      }
      const { approved, refused } = outcome.data;
      const done = `Approved ${approved} ${approved === 1 ? "annotation" : "annotations"}.`;
      setResult(
        refused.length === 0 ? { ok: true, text: done } : { ok: approved > 0, text: `${done} Not approved: ${refused.map((item) => item.message).join(" ")}` },
      );
      router.refresh();
    });
  }

  function selectAll(event: React.MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form;
    if (form) for (const box of boxes(form)) box.checked = true;
  }

  // Kept after the last card is approved, so that the outcome stays readable.
  if (selectable === 0 && !result) return null;
  return (
    <form id={BULK_FORM_ID} className="card inline-form bulk-approve" aria-label="Approve a selection" onSubmit={submit}>
      <button type="button" className="button secondary" onClick={selectAll} disabled={pending || selectable === 0}>
        Select all on this page
      </button>
      <button type="submit" className="button" disabled={pending || selectable === 0}>
        {pending ? "Approving…" : "Approve selected"}
      </button>
      {result ? <Alert kind={result.ok ? "success" : "error"}>{result.text}</Alert> : null}
    </form>
  );
}
