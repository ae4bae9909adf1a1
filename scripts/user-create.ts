// npm run user:create -- --email <e> --role <EDITOR|ANALYST|ADMIN> [--name <n>]; password from PASSWORD or stdin.
import { createUser } from "@/lib/auth/mutations";
import { roleSchema } from "@/lib/auth/schemas";
import { disconnectDb } from "@/lib/db";
import { readArgs, readPassword } from "./args";
import { runCommand, withDatabase } from "./database";

const { values } = readArgs({ email: { type: "string" }, role: { type: "string" }, name: { type: "string" } });

await runCommand(async () => {
  if (!values.email || !values.role) throw new Error("Usage: npm run user:create -- --email <email> --role <EDITOR|ANALYST|ADMIN> [--name <name>]");
  const role = roleSchema.parse(values.role.toUpperCase());
  const password = await readPassword();
  await withDatabase(async () => {
    try {
      const user = await createUser(null, { email: values.email!, role, name: values.name, password });
      console.log(`Created ${user.role} ${user.email}.`);
    } finally {
      await disconnectDb();
    }
  });
});
