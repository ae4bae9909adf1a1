/** Calls to the annotations API from the browser (the session cookie authenticates). */

export type ApiResult<T = unknown> = { ok: true; status: number; data: T } | { ok: false; status: number; error: string; data: unknown };

export async function callApi<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: "The server could not be reached. Check your connection and try again.", data: null };
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) return { ok: true, status: response.status, data: data as T };
  const error = (data as { error?: unknown } | null)?.error;
  return { ok: false, status: response.status, error: typeof error === "string" ? error : `The request failed (${response.status}).`, data };
}
