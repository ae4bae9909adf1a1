import { apiRoute } from "@/lib/api/route";
import { dismissClaimProposal } from "@/lib/proposals/mutations";

export const POST = apiRoute<{ id: string }>({ access: "proposals.decide" }, async ({ actor, params }) => dismissClaimProposal(actor, params.id));
