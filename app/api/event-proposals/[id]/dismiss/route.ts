import { apiRoute } from "@/lib/api/route";
import { dismissEventProposal } from "@/lib/proposals/mutations";
import { PROPOSAL_WRITE_ROLES } from "@/lib/proposals/permissions";

/** Remembered: the same passages are not proposed again. */
export const POST = apiRoute<{ id: string }>({ access: PROPOSAL_WRITE_ROLES }, async ({ actor, params }) => dismissEventProposal(actor, params.id));
