import { randomBytes } from "node:crypto";
import { createApiToken, createUser } from "@/lib/auth/mutations";
import type { Actor } from "@/lib/auth/permissions";
import type { RoleName } from "@/lib/auth/schemas";
import { SYSTEM } from "@/lib/auth/principal";

export const TEST_PASSWORD = "correct horse battery";

/** A new user with a unique email, so tests sharing one database never collide. */
export async function makeUser(role: RoleName, name = role.toLowerCase()): Promise<Actor> {
  const email = `${name}-${randomBytes(4).toString("hex")}@test.concord`;
  const user = await createUser(SYSTEM, { email, role, name, password: TEST_PASSWORD });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function makeToken(actor: Actor): Promise<string> {
  return (await createApiToken(SYSTEM, actor.id, "test")).token;
}
