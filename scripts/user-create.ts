// npm run user:create -- --email <e> --role <EDITOR|ANALYST|ADMIN> [--name <n>]; password from PASSWORD or stdin.
import { createUser } from "@/lib/auth/mutations";
import { SYSTEM } from "@/lib/auth/principal";
import { createUserSchema } from "@/lib/auth/schemas";
import { disconnectDb } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { readArgs, readPassword } from "./args";
import { runCommand, withDatabase } from "./database";

const { values } = readArgs({ email: { type: "string" }, role: { type: "string" }, name: { type: "string" } });

await runCommand(async () => {
  if (!values.email || !values.role) throw new Error("Usage: npm run user:create -- --email <email> --role <EDITOR|ANALYST|ADMIN> [--name <name>]");
  const input = { email: values.email, role: values.role.toUpperCase(), name: values.name, password: await readPassword() };
  const data = parseInput(createUserSchema, input);
  await withDatabase(async () => {
    try {
      const user = await createUser(SYSTEM, data);
      console.log(`Created ${user.role} ${user.email}.`);
    } finally {
      await disconnectDb();
    }
  });
});
