import { apiRoute } from "@/lib/api/route";
import { getContradiction } from "@/lib/contradictions/queries";
import { contradictionToJson } from "@/lib/contradictions/serialize";

/** One contradiction with its passages, claims, evidence and history. */
export const GET = apiRoute<{ id: string }>({ access: "contradictions.read" }, async ({ actor, params }) =>
  contradictionToJson(await getContradiction(actor, params.id)),
);
