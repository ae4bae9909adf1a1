import { apiRoute } from "@/lib/api/route";
import { undoEntityMerge } from "@/lib/entities/mutations";
import { ENTITY_WRITE_ROLES } from "@/lib/entities/permissions";

export const POST = apiRoute<{ id: string }>({ access: ENTITY_WRITE_ROLES }, async ({ actor, params }) => undoEntityMerge(actor, params.id));
