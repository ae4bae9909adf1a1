import { z } from "zod";

export const ROLES = ["EDITOR", "ANALYST", "ADMIN"] as const;
export const roleSchema = z.enum(ROLES, { message: "Role must be EDITOR, ANALYST or ADMIN." });
export type RoleName = z.infer<typeof roleSchema>;

export const MIN_PASSWORD_LENGTH = 10;

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Passwords have at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Passwords have at most 200 characters.");

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(120).optional(),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: z.string().min(1),
  role: roleSchema.optional(),
  password: passwordSchema.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token, e.g. the script that uses it.").max(80),
});

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
