import { apiRoute } from "@/lib/api/route";
import { confirmContradictionCandidate } from "@/lib/proposals/mutations";
import { PROPOSAL_WRITE_ROLES } from "@/lib/proposals/permissions";

/** Records both claims and opens the contradiction; answers its id. */
export const POST = apiRoute<{ id: string }>({ access: PROPOSAL_WRITE_ROLES }, async ({ actor, params }) => confirmContradictionCandidate(actor, params.id));
