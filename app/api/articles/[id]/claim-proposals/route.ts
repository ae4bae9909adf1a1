import { apiRoute } from "@/lib/api/route";
import { listClaimProposals } from "@/lib/proposals/queries";

/** `?status=open|accepted|dismissed|withdrawn` (open by default). */
export const GET = apiRoute<{ id: string }>({ access: "proposals.read" }, async ({ request, actor, params }) => ({
  proposals: await listClaimProposals(actor, params.id, Object.fromEntries(request.nextUrl.searchParams)),
}));
