import { apiRoute } from "@/lib/api/route";
import { dismissContradictionCandidate } from "@/lib/proposals/mutations";
import { PROPOSAL_WRITE_ROLES } from "@/lib/proposals/permissions";

export const POST = apiRoute<{ id: string }>({ access: PROPOSAL_WRITE_ROLES }, async ({ actor, params }) => dismissContradictionCandidate(actor, params.id));
