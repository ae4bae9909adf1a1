import { apiRoute } from "@/lib/api/route";
import { acceptClaimProposal } from "@/lib/proposals/mutations";
import { acceptClaimProposalSchema } from "@/lib/proposals/schemas";

/** Creates the claim annotation and the claim; optional `{ value }` corrects the value. */
export const POST = apiRoute<{ id: string }, typeof acceptClaimProposalSchema>(
  { access: "proposals.decide", body: acceptClaimProposalSchema },
  async ({ actor, params, body }) => acceptClaimProposal(actor, params.id, body),
);
