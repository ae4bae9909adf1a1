"use server";

import { revalidatePath } from "next/cache";
import { runAction, runFormAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { addEntityAliases, deleteEntity, removeEntityAlias, undoEntityMerge, updateEntity } from "@/lib/entities/mutations";
import { addAliasesSchema, updateEntitySchema } from "@/lib/entities/schemas";
import { ValidationError } from "@/lib/errors";
import { idSchema, parseInput } from "@/lib/validation";

export async function updateEntityAction(entityId: string, form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const id = parseInput(idSchema, entityId);
      const input = parseInput(updateEntitySchema, {
        version: Number(form.get("version")),
        type: form.get("type"),
        name: form.get("name"),
        description: form.get("description"),
        externalId: form.get("externalId"),
        confirmDuplicate: form.get("confirmDuplicate") === "on",
      });
      const actor = await requireActor("entities.edit");
      const entity = await updateEntity(actor, id, input);
      revalidatePath("/entities", "layout");
      return { version: entity.version };
    },
    "Saved.",
  );
}

export async function addAliasAction(entityId: string, form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const input = parseInput(addAliasesSchema, { entityId, aliases: [String(form.get("alias") ?? "")] });
      const actor = await requireActor("entities.edit");
      const { added } = await addEntityAliases(actor, input);
      if (added.length === 0) throw new ValidationError("alias: That is already the entity's name or one of its aliases.");
      revalidatePath(`/entities/${input.entityId}`);
      return { added };
    },
    "Alias added. Suggestions in articles are being updated.",
  );
}

export async function removeAliasAction(entityId: string, aliasId: string) {
  return runAction(async () => {
    const id = parseInput(idSchema, entityId);
    const alias = parseInput(idSchema, aliasId);
    const actor = await requireActor("entities.edit");
    await removeEntityAlias(actor, id, alias);
    revalidatePath(`/entities/${id}`);
  }, "Alias removed.");
}

export async function deleteEntityAction(entityId: string) {
  return runAction(async () => {
    const id = parseInput(idSchema, entityId);
    const actor = await requireActor("entities.edit");
    await deleteEntity(actor, id);
    revalidatePath("/entities");
  }, "Entity deleted.");
}

export async function undoMergeAction(mergeId: string) {
  return runAction(async () => {
    const id = parseInput(idSchema, mergeId);
    const actor = await requireActor("entities.edit");
    const { source, target } = await undoEntityMerge(actor, id);
    revalidatePath("/entities", "layout");
    revalidatePath("/events", "layout");
    return { sourceId: source.id, targetId: target.id };
  }, "Merge undone.");
}
