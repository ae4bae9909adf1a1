import { apiRoute } from "@/lib/api/route";
import { judgeDuplicate } from "@/lib/entities/mutations";
import { listDuplicateCandidates } from "@/lib/entities/queries";
import { judgeDuplicateSchema } from "@/lib/entities/schemas";

/** Suspected duplicate pairs; `?entityId=` narrows to one entity, `?all=1` includes pairs judged different. */
export const GET = apiRoute({ access: "entities.read" }, async ({ request, actor }) => {
  const params = request.nextUrl.searchParams;
  const candidates = await listDuplicateCandidates(actor, { entityId: params.get("entityId") || undefined, includeJudged: params.get("all") === "1" });
  return { candidates };
});

/** Records `{ entityAId, entityBId, verdict: "same" | "different" | "not_sure" }`. */
export const POST = apiRoute({ access: "entities.edit", body: judgeDuplicateSchema }, async ({ actor, body }) => judgeDuplicate(actor, body));
