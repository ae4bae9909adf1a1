"use server";

import { revalidatePath } from "next/cache";
import { runAction, runFormAction } from "@/lib/api/action";
import { createUser, updateUser } from "@/lib/auth/mutations";
import { createUserSchema, updateUserSchema } from "@/lib/auth/schemas";
import { requireActor } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";

export async function createUserAction(form: FormData) {
  return runFormAction(
    form,
    async (form) => {
      const input = parseInput(createUserSchema, {
        email: form.get("email"),
        name: form.get("name") || undefined,
        role: form.get("role"),
        password: form.get("password"),
      });
      const actor = await requireActor("users.manage");
      const user = await createUser(actor, input);
      revalidatePath("/admin/users");
      return user;
    },
    "User created.",
  );
}

export async function updateUserAction(input: { userId: string; role?: string; password?: string; disabled?: boolean }) {
  return runAction(async () => {
    const data = parseInput(updateUserSchema, input);
    const actor = await requireActor("users.manage");
    await updateUser(actor, data);
    revalidatePath("/admin/users");
  }, "Saved. The user's sessions have ended; a new password, disabling or enabling also revokes all of their API tokens.");
}
