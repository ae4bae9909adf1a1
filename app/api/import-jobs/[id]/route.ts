import { apiRoute } from "@/lib/api/route";
import { getImportJob } from "@/lib/articles/queries";

/** Progress of a background import: total, done, failed, and each file's result so far. */
export const GET = apiRoute<{ id: string }>({ access: "articles.read" }, async ({ params, actor }) => getImportJob(actor, params.id));
