import { apiRoute } from "@/lib/api/route";
import { dismissContradictionCandidate } from "@/lib/proposals/mutations";

export const POST = apiRoute<{ id: string }>({ access: "proposals.decide" }, async ({ actor, params }) => dismissContradictionCandidate(actor, params.id));
