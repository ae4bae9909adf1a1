import { apiRoute } from "@/lib/api/route";
import { acceptEventProposal } from "@/lib/proposals/mutations";
import { getEventProposal } from "@/lib/proposals/queries";
import { acceptEventProposalSchema } from "@/lib/proposals/schemas";

/** Optional edits `{ title, type, date, participants, placeId }`, or `{ eventId }` to link an existing event; 409 with `event` when accepted meanwhile. */
export const POST = apiRoute<{ id: string }, typeof acceptEventProposalSchema>(
  { access: "proposals.decide", body: acceptEventProposalSchema },
  async ({ actor, params, body }) => {
    const { eventId, annotationIds } = await acceptEventProposal(actor, params.id, body);
    return { proposal: await getEventProposal(actor, params.id), eventId, annotationIds };
  },
);
