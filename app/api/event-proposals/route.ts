import { apiRoute } from "@/lib/api/route";
import { listEventProposals } from "@/lib/proposals/queries";

/** `?status=open|accepted|dismissed|withdrawn` (open by default), `?articleId=`, `?limit=` (at most 500). */
export const GET = apiRoute({ access: "proposals.read" }, async ({ request, actor }) => ({
  proposals: await listEventProposals(actor, Object.fromEntries(request.nextUrl.searchParams)),
}));
