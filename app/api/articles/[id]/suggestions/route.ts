import { apiRoute } from "@/lib/api/route";
import { listArticleSuggestions } from "@/lib/entities/suggestions";

/** Open mention suggestions of the article's current text; `?all=1` includes accepted and dismissed ones. */
export const GET = apiRoute<{ id: string }>({ access: "entities.read" }, async ({ request, actor, params }) =>
  listArticleSuggestions(actor, params.id, { all: request.nextUrl.searchParams.get("all") === "1" }),
);
