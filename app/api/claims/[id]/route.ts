import { apiRoute } from "@/lib/api/route";
import { updateClaim } from "@/lib/contradictions/claims";
import { updateClaimSchema } from "@/lib/contradictions/schemas";

type Params = { id: string };

/** Changes subject, attribute or value; `updatedAt` as read, else 409 with the current claim. */
export const PATCH = apiRoute<Params, typeof updateClaimSchema>({ access: "claims.edit", body: updateClaimSchema }, async ({ actor, params, body }) =>
  updateClaim(actor, params.id, body),
);
