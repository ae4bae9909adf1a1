import { apiRoute } from "@/lib/api/route";
import { resolveContradiction } from "@/lib/contradictions/mutations";
import { resolveContradictionSchema } from "@/lib/contradictions/schemas";

/** `{ version, resolution: "accept_one"|"disclose"|"not_a_contradiction", acceptedClaimId?, rationale, evidenceAnnotationIds? }`; a stale version gets 409 with the current state. */
export const POST = apiRoute<{ id: string }, typeof resolveContradictionSchema>(
  { access: "contradictions.resolve", body: resolveContradictionSchema },
  async ({ actor, params, body }) => ({ contradiction: await resolveContradiction(actor, params.id, body) }),
);
