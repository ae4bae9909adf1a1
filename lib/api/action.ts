import "server-only";
import { toPublicError, ValidationError, type ErrorCode } from "@/lib/errors";

/** A failure carries the error's HTTP status too, so callers can tell a refusal (401, 403) from a bad input or a missing item. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; code: ErrorCode; status: number; details?: unknown };

/**
 * Runs a server action body and turns errors into a result the form can show, so a
 * failed action never loses what the user typed. Redirects and other Next.js control
 * flow pass through.
 */
export async function runAction<T>(body: () => Promise<T>, message?: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body(), message };
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    const { status, code, message: errorMessage, details } = toPublicError(error);
    return { ok: false, error: errorMessage, code, status, details };
  }
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "DYNAMIC_SERVER_USAGE")
  );
}

/**
 * runAction for an action a form posts to. Anyone can call a server action directly with any
 * JSON arguments (an array, null), so the FormData is checked before the body reads a field (422).
 */
export async function runFormAction<T>(form: unknown, body: (form: FormData) => Promise<T>, message?: string): Promise<ActionResult<T>> {
  return runAction(() => {
    if (!(form instanceof FormData)) throw new ValidationError("The form's fields are missing.");
    return body(form);
  }, message);
}
