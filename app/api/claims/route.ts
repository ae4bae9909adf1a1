import { apiRoute, created } from "@/lib/api/route";
import { createClaim, getSubjectClaims } from "@/lib/contradictions/claims";
import { claimSubjectQuerySchema, createClaimSchema } from "@/lib/contradictions/schemas";
import { parseInput } from "@/lib/validation";

/** The claims on one subject: `?eventId=` or `?entityId=`, with how the sources agree per attribute. */
export const GET = apiRoute({ access: "claims.read" }, async ({ request, actor }) => {
  const query = parseInput(claimSubjectQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return getSubjectClaims(actor, query.eventId ? { type: "event", id: query.eventId } : { type: "entity", id: query.entityId! });
});

/** A claim on an existing claim annotation (`annotationId`) or on a new one (`annotation`); answers with what detection found. */
export const POST = apiRoute({ access: "claims.edit", body: createClaimSchema }, async ({ actor, body }) => created(await createClaim(actor, body)));
