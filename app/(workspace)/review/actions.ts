"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { approveAnnotations, reviewAnnotation } from "@/lib/annotations/mutations";
import { approveAnnotationsSchema, reviewAnnotationSchema } from "@/lib/annotations/schemas";
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

export async function approveAnnotationsAction(input: { items: { id: string; version: number }[] }) {
  return runAction(async () => {
    const data = parseInput(approveAnnotationsSchema, input);
    const actor = await requireActor("annotations.review");
    const outcome = await approveAnnotations(actor, data);
    revalidatePath("/review");
    revalidatePath("/inbox");
    for (const articleId of new Set(outcome.approved.map((item) => item.articleId))) revalidatePath(`/articles/${articleId}`);
    return { approved: outcome.approved.length, refused: outcome.refused };
  });
}
