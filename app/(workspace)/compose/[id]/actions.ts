"use server";

import { revalidatePath } from "next/cache";
import { runAction, runFormAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import type { SavedDraft } from "@/lib/briefings/types";
import { getBriefingWorkspace } from "@/lib/briefings/queries";
import { approveBriefing, publishBriefing, retractBriefing, returnBriefing, submitBriefing, updateBriefing } from "@/lib/briefings/mutations";
import {
  approveBriefingSchema,
  publishBriefingSchema,
  retractBriefingSchema,
  returnBriefingSchema,
  submitBriefingSchema,
  updateBriefingSchema,
  type UpdateBriefingInput,
} from "@/lib/briefings/schemas";
import { idSchema, parseInput } from "@/lib/validation";

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/**
 * The composer's autosave: the draft as edited from `version`; a stale version fails with 409 and
 * the current state in `details.current`. The answer carries this save's preview and publishing
 * checklist, which the page shows from it: a refresh of the page after each save (a revalidated
 * answer, or router.refresh) can land after the next save and show the draft a save behind.
 */
export async function saveBriefingDraftAction(briefingId: string, input: UpdateBriefingInput) {
  return runAction(async () => {
    const id = parseInput(idSchema, briefingId);
    const data = parseInput(updateBriefingSchema, input);
    const actor = await requireActor("briefings.compose");
    await updateBriefing(actor, id, data);
    const { briefing, preview, blockers } = await getBriefingWorkspace(actor, id);
    revalidatePath(`/compose/${id}`);
    revalidatePath("/compose");
    return { briefing, preview, blockers } satisfies SavedDraft;
  });
}

export async function submitBriefingAction(briefingId: string, _previous: unknown, form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const id = parseInput(idSchema, briefingId);
      const input = parseInput(submitBriefingSchema, { comment: text(form, "comment") });
      const actor = await requireActor("briefings.compose");
      await submitBriefing(actor, id, input);
      revalidatePath(`/compose/${id}`);
    },
    "Submitted for review.",
  );
}

export async function approveBriefingAction(briefingId: string, _previous: unknown, form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const id = parseInput(idSchema, briefingId);
      const input = parseInput(approveBriefingSchema, { version: Number(text(form, "version")), comment: text(form, "comment") });
      const actor = await requireActor("briefings.review");
      await approveBriefing(actor, id, input);
      revalidatePath(`/compose/${id}`);
    },
    "Approved.",
  );
}

export async function returnBriefingAction(briefingId: string, _previous: unknown, form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const id = parseInput(idSchema, briefingId);
      const input = parseInput(returnBriefingSchema, { comment: text(form, "comment") ?? "" });
      const actor = await requireActor("briefings.review");
      await returnBriefing(actor, id, input);
      revalidatePath(`/compose/${id}`);
    },
    "Sent back to the writers.",
  );
}

export async function publishBriefingAction(briefingId: string, _previous: unknown, form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const id = parseInput(idSchema, briefingId);
      const input = parseInput(publishBriefingSchema, { note: text(form, "note") });
      const actor = await requireActor("briefings.compose");
      await publishBriefing(actor, id, input);
      revalidatePath(`/compose/${id}`);
      revalidatePath("/compose");
    },
    "Published.",
  );
}

export async function retractBriefingAction(briefingId: string, _previous: unknown, form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const id = parseInput(idSchema, briefingId);
      const input = parseInput(retractBriefingSchema, { note: text(form, "note") ?? "" });
      const actor = await requireActor("briefings.compose");
      await retractBriefing(actor, id, input);
      revalidatePath(`/compose/${id}`);
    },
    "Retracted. The public page now shows the retraction note.",
  );
}
