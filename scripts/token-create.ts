// npm run token:create -- --email <e> [--name <n>]: prints a new API token alone on the last line.
import { createApiToken } from "@/lib/auth/mutations";
import { SYSTEM } from "@/lib/auth/principal";
import { db, disconnectDb } from "@/lib/db";
import { readArgs } from "./args";
import { runCommand, withDatabase } from "./database";

const { values } = readArgs({ email: { type: "string" }, name: { type: "string" } });

await runCommand(async () => {
  if (!values.email) throw new Error("Usage: npm run token:create -- --email <email> [--name <name>]");
  await withDatabase(async () => {
    try {
      const user = await db.user.findUnique({ where: { email: values.email!.trim().toLowerCase() } });
      if (!user) throw new Error(`No user has the email ${values.email}.`);
      const { token, name } = await createApiToken(SYSTEM, user.id, values.name ?? "command line");
      console.log(`Token "${name}" for ${user.email}. It is shown only now; revoke it under Settings → API tokens.`);
      console.log(token);
    } finally {
      await disconnectDb();
    }
  });
});
