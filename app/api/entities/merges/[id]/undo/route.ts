import { apiRoute } from "@/lib/api/route";
import { undoEntityMerge } from "@/lib/entities/mutations";

export const POST = apiRoute<{ id: string }>({ access: "entities.edit" }, async ({ actor, params }) => undoEntityMerge(actor, params.id));
