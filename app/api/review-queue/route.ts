import { apiRoute } from "@/lib/api/route";
import { listReviewQueue } from "@/lib/annotations/queries";
import { reviewQueueFilterSchema } from "@/lib/annotations/schemas";

/**
 * Annotations awaiting review, oldest first: `?articleId=`, `&kind=`, `&authorId=`, `&minAgeDays=`
 * narrow it, `&limit=` (at most 100, default 50), and `&cursor=` with the previous answer's
 * `nextCursor` continues it. Items are annotations as the review page shows them, with their article;
 * their `start` and `end` count UTF-16 units, as stored (the W3C form, in code points, is at
 * /api/annotations/{id}).
 */
export const GET = apiRoute({ access: "annotations.read", query: reviewQueueFilterSchema }, async ({ actor, query }) => listReviewQueue(actor, query));
