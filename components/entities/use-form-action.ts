"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/api/action";

/**
 * Submits a form to a server action without React's automatic form reset, so a refused
 * submission keeps everything the user typed; a successful one clears the form when asked.
 */
export function useFormAction<T>(action: (previous: unknown, form: FormData) => Promise<ActionResult<T>>, options: { resetOnSuccess?: boolean } = {}) {
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await action(state, data);
      setState(result);
      if (result.ok && options.resetOnSuccess) form.reset();
    });
  }
  return { state, pending, onSubmit };
}
