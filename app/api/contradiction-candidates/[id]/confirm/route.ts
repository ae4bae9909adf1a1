import { apiRoute } from "@/lib/api/route";
import { confirmContradictionCandidate } from "@/lib/proposals/mutations";

/** Records both claims and opens the contradiction; answers its id. */
export const POST = apiRoute<{ id: string }>({ access: "proposals.decide" }, async ({ actor, params }) => confirmContradictionCandidate(actor, params.id));
