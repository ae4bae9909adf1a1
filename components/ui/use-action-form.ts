"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/api/action";

/**
 * Submits a form to a server action without React's automatic form reset, so a refused
 * submission keeps everything the user typed.
 */
export function useActionForm<T>(action: (form: FormData) => Promise<ActionResult<T>>, options: { resetOnSuccess?: boolean } = {}) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    startTransition(async () => {
      const outcome = await action(form);
      setResult(outcome);
      if (outcome.ok && options.resetOnSuccess) element.reset();
    });
  }
  return { pending, result, onSubmit };
}
