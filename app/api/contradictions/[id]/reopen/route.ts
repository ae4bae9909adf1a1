import { apiRoute } from "@/lib/api/route";
import { reopenContradiction } from "@/lib/contradictions/mutations";
import { reopenContradictionSchema } from "@/lib/contradictions/schemas";

/** `{ version, rationale }`: back to open from awaiting sign-off, resolved, disclosed or dismissed. */
export const POST = apiRoute<{ id: string }, typeof reopenContradictionSchema>(
  { access: "contradictions.reopen", body: reopenContradictionSchema },
  async ({ actor, params, body }) => ({ contradiction: await reopenContradiction(actor, params.id, body) }),
);
