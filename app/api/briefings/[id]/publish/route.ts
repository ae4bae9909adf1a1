import { apiRoute } from "@/lib/api/route";
import { publishBriefing } from "@/lib/briefings/mutations";
import { publishBriefingSchema } from "@/lib/briefings/schemas";

/** `{ note? }` → `{ version, url, path, publishedAt }`, or 409 `{ error, blockers: [{ type, id, message, href }] }`. */
export const POST = apiRoute<{ id: string }, typeof publishBriefingSchema>(
  { access: "briefings.compose", body: publishBriefingSchema },
  async ({ actor, params, body }) => {
    const { slug, ...published } = await publishBriefing(actor, params.id, body);
    return published;
  },
);
