import { apiRoute } from "@/lib/api/route";
import { signOffContradiction } from "@/lib/contradictions/mutations";
import { signOffContradictionSchema } from "@/lib/contradictions/schemas";

/** `{ version, comment? }`, by an analyst who is not the resolver (else 403). */
export const POST = apiRoute<{ id: string }, typeof signOffContradictionSchema>(
  { access: "contradictions.sign-off", body: signOffContradictionSchema },
  async ({ actor, params, body }) => ({ contradiction: await signOffContradiction(actor, params.id, body) }),
);
