import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { searchClaimSubjects } from "@/lib/contradictions/claims";
import { parseInput } from "@/lib/validation";

const querySchema = z.object({
  q: z.string().max(200).default(""),
  type: z.enum(["event", "entity"]).optional(),
});

/** Events and entities matching `?q=` (optionally only `&type=event|entity`), to choose a claim's subject or entity values. */
export const GET = apiRoute({ access: "claims.read" }, async ({ request }) => {
  const query = parseInput(querySchema, Object.fromEntries(request.nextUrl.searchParams));
  return { subjects: await searchClaimSubjects(query.q, query.type ? { types: [query.type] } : {}) };
});
