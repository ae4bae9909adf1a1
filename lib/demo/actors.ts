import "server-only";
import { randomBytes } from "node:crypto";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { createUser } from "@/lib/auth/mutations";
import type { Actor } from "@/lib/auth/permissions";
import type { RoleName } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/auth/principal";

/** Who curates the demo: an editor writes, an analyst (another person) reviews and signs off. */
export type DemoActors = { editor: Actor; analyst: Actor };

/** Accounts that curate the demo on a real database. Their passwords are random and thrown away: nobody can sign in as them. */
export const CURATION_USERS: { email: string; name: string; role: RoleName }[] = [
  { email: "demo-editor@concord.local", name: "Concord demo editor", role: "EDITOR" },
  { email: "demo-analyst@concord.local", name: "Concord demo analyst", role: "ANALYST" },
];

async function findActor(email: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

function pick(users: readonly { email: string; role: RoleName }[], role: RoleName): string {
  return users.find((user) => user.role === role)!.email;
}

/** The embedded database's demo editor and analyst (lib/auth/demo-users), which must exist. */
export async function demoUserActors(): Promise<DemoActors> {
  const [editor, analyst] = await Promise.all([findActor(pick(DEMO_USERS, "EDITOR")), findActor(pick(DEMO_USERS, "ANALYST"))]);
  if (!editor || !analyst) throw new Error("The demo users (editor@concord.local, analyst@concord.local) do not exist; the demo needs them.");
  return { editor, analyst };
}

/** The curation accounts, created when missing with a password nobody knows. */
export async function ensureCurationActors(): Promise<DemoActors> {
  const actors: Actor[] = [];
  for (const user of CURATION_USERS) {
    const existing = await findActor(user.email);
    if (existing) {
      if (existing.role !== user.role) throw new Error(`${user.email} exists with the role ${existing.role}; the demo needs it as ${user.role}.`);
      actors.push(existing);
      continue;
    }
    const created = await createUser(SYSTEM, { ...user, password: randomBytes(32).toString("base64url") });
    actors.push({ id: created.id, email: created.email, name: created.name, role: created.role });
  }
  return { editor: actors[0]!, analyst: actors[1]! };
}
