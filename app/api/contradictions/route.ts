import { apiRoute, created } from "@/lib/api/route";
import { createContradiction } from "@/lib/contradictions/mutations";
import { listContradictions } from "@/lib/contradictions/list-queries";
import { getContradiction } from "@/lib/contradictions/queries";
import { contradictionFiltersSchema, createContradictionSchema } from "@/lib/contradictions/schemas";
import { contradictionListItemToJson, contradictionToJson } from "@/lib/contradictions/serialize";
import { listContradictionCandidates } from "@/lib/proposals/queries";
import { candidateListSchema } from "@/lib/proposals/schemas";
import { parseInput } from "@/lib/validation";

/**
 * Filters: `?status=open|awaiting_signoff|resolved|disclosed|dismissed&eventId=&entityId=&articleId=&outlet=`; `?limit=` (at most 500).
 * `?status=suggested`: the candidates the proposal engine found, with both passages and why they conflict.
 */
export const GET = apiRoute({ access: "contradictions.read" }, async ({ request, actor }) => {
  if (request.nextUrl.searchParams.get("status")?.trim().toLowerCase() === "suggested") {
    const filter = parseInput(candidateListSchema, { limit: request.nextUrl.searchParams.get("limit") ?? undefined });
    return { contradictions: await listContradictionCandidates(actor, filter) };
  }
  const filters = parseInput(contradictionFiltersSchema, Object.fromEntries(request.nextUrl.searchParams));
  return { contradictions: (await listContradictions(actor, filters)).map(contradictionListItemToJson) };
});

/** Flags a contradiction by hand: `{ annotationIds, summary, internal?, eventId?, entityId?, attribute? }`. */
export const POST = apiRoute({ access: "contradictions.flag", body: createContradictionSchema }, async ({ actor, body }) => {
  const { id } = await createContradiction(actor, body);
  return created(contradictionToJson(await getContradiction(actor, id)));
});
