"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { createAnnotationKind, updateAnnotationKind } from "@/lib/annotations/mutations";
import { createAnnotationKindSchema, updateAnnotationKindSchema } from "@/lib/annotations/schemas";
import { requireActor } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";

export async function createAnnotationKindAction(input: { key: string; label: string }) {
  return runAction(async () => {
    const data = parseInput(createAnnotationKindSchema, input);
    const actor = await requireActor("annotation-kinds.manage");
    const kind = await createAnnotationKind(actor, data);
    revalidatePath("/admin/annotation-kinds");
    return { key: kind.key };
  }, "Kind added.");
}

export async function updateAnnotationKindAction(input: { key: string; label?: string; active?: boolean; position?: number }) {
  return runAction(async () => {
    const data = parseInput(updateAnnotationKindSchema, input);
    const actor = await requireActor("annotation-kinds.manage");
    await updateAnnotationKind(actor, data);
    revalidatePath("/admin/annotation-kinds");
  }, "Saved.");
}
