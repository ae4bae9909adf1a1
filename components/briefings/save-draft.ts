import type { ActionResult } from "@/lib/api/action";
import type { ErrorCode } from "@/lib/errors";
import type { UpdateBriefingInput } from "@/lib/briefings/schemas";
import type { BriefingView } from "@/lib/briefings/types";

/**
 * Saves a draft through the briefings API. The composer's saves go this way rather than through a
 * server action: a server action followed by `router.refresh()` left the preview a save behind.
 */
export async function saveBriefingDraft(briefingId: string, input: UpdateBriefingInput): Promise<ActionResult<BriefingView>> {
  const response = await fetch(`/api/briefings/${encodeURIComponent(briefingId)}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const json = (await response.json().catch(() => null)) as { briefing?: BriefingView; error?: string; code?: ErrorCode; current?: BriefingView } | null;
  if (response.ok && json?.briefing) return { ok: true, data: json.briefing };
  return {
    ok: false,
    status: response.status,
    code: json?.code ?? "internal",
    error: json?.error ?? "The draft could not be saved.",
    details: json?.current ? { current: json.current } : undefined,
  };
}
