import { apiRoute } from "@/lib/api/route";
import { dismissSuggestion } from "@/lib/entities/suggestions";

export const POST = apiRoute<{ id: string }>({ access: "passages.link" }, async ({ actor, params }) => dismissSuggestion(actor, params.id));
