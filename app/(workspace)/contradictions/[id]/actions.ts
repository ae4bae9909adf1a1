"use server";

import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { keepResolution, reopenContradiction, resolveContradiction, signOffContradiction } from "@/lib/contradictions/mutations";
import { keepResolutionSchema, reopenContradictionSchema, resolveContradictionSchema, signOffContradictionSchema } from "@/lib/contradictions/schemas";
import { idSchema, parseInput } from "@/lib/validation";

/** FormData gives null for a missing field; the schemas want undefined. */
const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
};

function revalidate(id: string) {
  revalidatePath(`/contradictions/${id}`);
  revalidatePath("/contradictions");
}

export async function resolveContradictionAction(form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const id = parseInput(idSchema, field(form, "id"));
      const input = parseInput(resolveContradictionSchema, {
        version: field(form, "version"),
        resolution: field(form, "resolution"),
        acceptedClaimId: field(form, "acceptedClaimId"),
        rationale: field(form, "rationale") ?? "",
        evidenceAnnotationIds: form.getAll("evidence").filter((v): v is string => typeof v === "string"),
      });
      const actor = await requireActor("contradictions.resolve");
      await resolveContradiction(actor, id, input);
      revalidate(id);
    },
    "Resolved. It now awaits sign-off by an analyst.",
  );
}

export async function signOffContradictionAction(form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const id = parseInput(idSchema, field(form, "id"));
      const input = parseInput(signOffContradictionSchema, { version: field(form, "version"), comment: field(form, "comment") });
      const actor = await requireActor("contradictions.sign-off");
      await signOffContradiction(actor, id, input);
      revalidate(id);
    },
    "Signed off.",
  );
}

export async function reopenContradictionAction(form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const id = parseInput(idSchema, field(form, "id"));
      const input = parseInput(reopenContradictionSchema, { version: field(form, "version"), rationale: field(form, "rationale") ?? "" });
      const actor = await requireActor("contradictions.reopen");
      await reopenContradiction(actor, id, input);
      revalidate(id);
    },
    "Reopened.",
  );
}

export async function keepResolutionAction(form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const id = parseInput(idSchema, field(form, "id"));
      const input = parseInput(keepResolutionSchema, { version: field(form, "version"), note: field(form, "note") });
      const actor = await requireActor("contradictions.reopen");
      await keepResolution(actor, id, input);
      revalidate(id);
    },
    "The resolution stands; the new source is recorded.",
  );
}
