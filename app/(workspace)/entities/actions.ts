"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, runFormAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { addEntityAliases, createEntity, judgeDuplicate, mergeEntities } from "@/lib/entities/mutations";
import { addAliasesSchema, createEntitySchema, judgeDuplicateSchema, mergeEntitySchema } from "@/lib/entities/schemas";
import { parseInput } from "@/lib/validation";

/** One alias per line (commas too), as typed in the form. */
function aliasLines(value: FormDataEntryValue | null): string[] {
  return String(value ?? "")
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export async function createEntityAction(form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const input = parseInput(createEntitySchema, {
        type: form.get("type"),
        name: form.get("name"),
        aliases: aliasLines(form.get("aliases")),
        description: form.get("description"),
        externalId: form.get("externalId"),
        confirmDuplicate: form.get("confirmDuplicate") === "on",
      });
      const actor = await requireActor("entities.edit");
      const entity = await createEntity(actor, input);
      revalidatePath("/entities");
      return { id: entity.id, name: entity.name };
    },
    "Entity created.",
  );
}

/** The "this already exists" answer to a new entity: its name and aliases become aliases of the existing one. */
export async function addNamesToEntityAction(entityId: string, names: string[]) {
  return runAction(async () => {
    const input = parseInput(addAliasesSchema, { entityId, aliases: names });
    const actor = await requireActor("entities.edit");
    const { added } = await addEntityAliases(actor, input);
    revalidatePath("/entities", "layout");
    return { added };
  }, "Added to the existing entity.");
}

export async function judgeDuplicateAction(input: { entityAId: string; entityBId: string; verdict: string }) {
  return runAction(async () => {
    const data = parseInput(judgeDuplicateSchema, input);
    const actor = await requireActor("entities.edit");
    await judgeDuplicate(actor, data);
    revalidatePath("/entities", "layout");
  }, "Judgement saved.");
}

export async function mergeEntitiesAction(input: { sourceId: string; into: string }) {
  return runAction(async () => {
    const { sourceId, ...data } = parseInput(mergeEntitySchema.extend({ sourceId: z.string().min(1, "Choose the entity to merge.") }), input);
    const actor = await requireActor("entities.edit");
    const result = await mergeEntities(actor, sourceId, data);
    revalidatePath("/entities", "layout");
    revalidatePath("/events", "layout");
    return { mergeId: result.mergeId, targetId: result.target.id };
  }, "Merged. You can undo this from the entity's page.");
}
