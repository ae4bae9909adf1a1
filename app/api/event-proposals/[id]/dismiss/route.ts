import { apiRoute } from "@/lib/api/route";
import { dismissEventProposal } from "@/lib/proposals/mutations";

/** Remembered: the same passages are not proposed again. */
export const POST = apiRoute<{ id: string }>({ access: "proposals.decide" }, async ({ actor, params }) => dismissEventProposal(actor, params.id));
