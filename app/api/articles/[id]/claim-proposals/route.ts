import { apiRoute } from "@/lib/api/route";
import { listClaimProposals } from "@/lib/proposals/queries";
import { proposalListSchema } from "@/lib/proposals/schemas";

/** `?status=open|accepted|dismissed|withdrawn` (open by default). */
export const GET = apiRoute<{ id: string }, undefined, typeof proposalListSchema>(
  { access: "proposals.read", query: proposalListSchema },
  async ({ actor, params, query }) => ({ proposals: await listClaimProposals(actor, params.id, query) }),
);
