import type { ActionResult } from "@/lib/api/action";
import type { CreateAnnotationInput, CreateReplyInput, SelectionInput, UpdateAnnotationInput } from "@/lib/annotations/schemas";
import type { ReviewDecision } from "@/lib/annotations/statuses";

type Versioned = { version: number };

/**
 * The server actions the reader writes through, handed down by the article page. Each names the
 * article, whose page the action revalidates: the answer brings the refreshed annotations along.
 */
export type AnnotationActions = {
  create: (input: CreateAnnotationInput) => Promise<ActionResult<{ id: string }>>;
  update: (articleId: string, annotationId: string, input: UpdateAnnotationInput) => Promise<ActionResult<unknown>>;
  remove: (articleId: string, annotationId: string, input: Versioned) => Promise<ActionResult<unknown>>;
  reattach: (articleId: string, annotationId: string, input: SelectionInput & Versioned) => Promise<ActionResult<unknown>>;
  confirmAnchor: (articleId: string, annotationId: string, input: Versioned) => Promise<ActionResult<unknown>>;
  requestCitationReview: (articleId: string, annotationId: string, input: Versioned) => Promise<ActionResult<unknown>>;
  review: (input: { annotationId: string; decision: ReviewDecision; comment?: string; version: number }) => Promise<ActionResult<unknown>>;
  reply: (articleId: string, annotationId: string, input: CreateReplyInput) => Promise<ActionResult<unknown>>;
};

/** An action's result, or a failure the panel can show when the server could not be reached. */
export async function attempt<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, status: 0, code: "internal", error: "The server could not be reached. Check your connection and try again." };
  }
}
