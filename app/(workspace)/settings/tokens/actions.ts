"use server";

import { revalidatePath } from "next/cache";
import { runAction, runFormAction } from "@/lib/api/action";
import { createApiToken, revokeApiToken } from "@/lib/auth/mutations";
import { createTokenSchema } from "@/lib/auth/schemas";
import { requireActor } from "@/lib/auth/session";
import { idSchema, parseInput } from "@/lib/validation";

export async function createTokenAction(form: FormData) {
  return runFormAction(form, async (form) => {
    const input = parseInput(createTokenSchema, { name: form.get("name") });
    const actor = await requireActor("tokens.manage");
    const { token, name } = await createApiToken(actor, actor.id, input.name);
    revalidatePath("/settings/tokens");
    return { token, name };
  });
}

export async function revokeTokenAction(tokenId: string) {
  return runAction(async () => {
    const id = parseInput(idSchema, tokenId);
    const actor = await requireActor("tokens.manage");
    await revokeApiToken(actor, id);
    revalidatePath("/settings/tokens");
  }, "Token revoked.");
}
