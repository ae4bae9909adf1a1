import { apiRoute } from "@/lib/api/route";
import { ENTITY_WRITE_ROLES } from "@/lib/entities/permissions";
import { dismissSuggestion } from "@/lib/entities/suggestions";

export const POST = apiRoute<{ id: string }>({ access: ENTITY_WRITE_ROLES }, async ({ actor, params }) => dismissSuggestion(actor, params.id));
