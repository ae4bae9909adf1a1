import { apiRoute } from "@/lib/api/route";
import { listEventProposals } from "@/lib/proposals/queries";
import { proposalListSchema } from "@/lib/proposals/schemas";

/** `?status=open|accepted|dismissed|withdrawn` (open by default), `?articleId=`, `?limit=` (at most 500). */
export const GET = apiRoute({ access: "proposals.read", query: proposalListSchema }, async ({ actor, query }) => ({
  proposals: await listEventProposals(actor, query),
}));
