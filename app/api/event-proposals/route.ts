import { apiRoute } from "@/lib/api/route";
import { PROPOSAL_READ_ROLES } from "@/lib/proposals/permissions";
import { listEventProposals } from "@/lib/proposals/queries";

/** `?status=open|accepted|dismissed|withdrawn` (open by default), `?articleId=`, `?limit=` (at most 500). */
export const GET = apiRoute({ access: PROPOSAL_READ_ROLES }, async ({ request, actor }) => ({
  proposals: await listEventProposals(actor, Object.fromEntries(request.nextUrl.searchParams)),
}));
