"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, runFormAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { createContradiction } from "@/lib/contradictions/mutations";
import { searchPassages } from "@/lib/contradictions/queries";
import { createContradictionSchema } from "@/lib/contradictions/schemas";
import { parseInput } from "@/lib/validation";

export async function searchPassagesAction(query: string) {
  return runAction(async () => {
    const q = parseInput(z.string().trim().min(2, "Type at least two characters.").max(200), query);
    const actor = await requireActor("contradictions.flag");
    return searchPassages(actor, q);
  });
}

export async function flagContradictionAction(form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const input = parseInput(createContradictionSchema, {
        annotationIds: form.getAll("annotationIds"),
        summary: form.get("summary") ?? "",
        internal: form.get("internal") === "on",
      });
      const actor = await requireActor("contradictions.flag");
      const { id } = await createContradiction(actor, input);
      revalidatePath("/contradictions");
      return { id };
    },
    "Contradiction flagged.",
  );
}
