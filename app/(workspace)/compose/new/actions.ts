"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { createBriefing } from "@/lib/briefings/mutations";
import { createBriefingSchema } from "@/lib/briefings/schemas";
import { parseInput } from "@/lib/validation";

export async function createBriefingAction(_previous: unknown, form: FormData) {
  return runFormAction(form, async (form) => {
    const slug = String(form.get("slug") ?? "").trim();
    const input = parseInput(createBriefingSchema, {
      title: form.get("title"),
      summary: form.get("summary") ?? undefined,
      ...(slug ? { slug } : {}),
    });
    const actor = await requireActor("briefings.compose");
    const briefing = await createBriefing(actor, input);
    redirect(`/compose/${briefing.id}`);
  });
}
