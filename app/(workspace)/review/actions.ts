"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { reviewAnnotation } from "@/lib/annotations/mutations";
import { reviewAnnotationSchema } from "@/lib/annotations/schemas";
import { requireActor } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";

export async function reviewAnnotationAction(input: { annotationId: string; decision: string; comment?: string; version: number }) {
  return runAction(async () => {
    const data = parseInput(reviewAnnotationSchema, { decision: input.decision, comment: input.comment, version: input.version });
    const actor = await requireActor(["ANALYST"]);
    const reviewed = await reviewAnnotation(actor, input.annotationId, data);
    revalidatePath("/review");
    revalidatePath(`/articles/${reviewed.articleId}`);
    return { status: reviewed.status };
  });
}
