"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { reviewAnnotation } from "@/lib/annotations/mutations";
import { reviewAnnotationSchema } from "@/lib/annotations/schemas";
import { requireActor } from "@/lib/auth/session";
import { idSchema, parseInput } from "@/lib/validation";

/** The API takes the annotation from the path; the action takes it with the decision. */
const reviewActionSchema = reviewAnnotationSchema.extend({ annotationId: idSchema });

export async function reviewAnnotationAction(input: { annotationId: string; decision: string; comment?: string; version: number }) {
  return runAction(async () => {
    const { annotationId, ...data } = parseInput(reviewActionSchema, input);
    const actor = await requireActor("annotations.review");
    const reviewed = await reviewAnnotation(actor, annotationId, data);
    revalidatePath("/review");
    revalidatePath(`/articles/${reviewed.articleId}`);
    return { status: reviewed.status };
  });
}
