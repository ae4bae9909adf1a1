import "server-only";
import { createUser } from "./mutations";
import { SYSTEM } from "./principal";
import { countUsers } from "./queries";
import type { RoleName } from "./schemas";

/** Sign-in for the embedded demo database only; never created against a real DATABASE_URL. */
export const DEMO_USERS: { email: string; name: string; role: RoleName; password: string }[] = [
  { email: "editor@concord.local", name: "Demo Editor", role: "EDITOR", password: "concord-editor" },
  { email: "analyst@concord.local", name: "Demo Analyst", role: "ANALYST", password: "concord-analyst" },
  { email: "admin@concord.local", name: "Demo Admin", role: "ADMIN", password: "concord-admin" },
];

/** Creates the demo users when the database has no users at all. Returns whether it did. */
export async function ensureDemoUsers(): Promise<boolean> {
  if ((await countUsers()) > 0) return false;
  for (const user of DEMO_USERS) await createUser(SYSTEM, user);
  return true;
}
