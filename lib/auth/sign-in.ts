import "server-only";
import { db } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import type { Actor } from "./permissions";
import { findActorForApiToken } from "./queries";
import { countAttempt, currentAttempts, resetAttempts, sleep } from "./rate-limit";
import { signInSchema } from "./schemas";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./secrets";

const WINDOW_MS = 15 * 60_000;
// Failures before answers from an address start to slow down, and before they stop.
const FREE_FAILURES = 5;
const MAX_FAILURES = 30;
const DELAY_STEP_MS = 400;

export type SignedInUser = { id: string; email: string; name: string; role: string; sessionVersion: number };

/**
 * Checks an email and password. Returns null for every kind of failure, so callers can
 * only ever say one generic thing; repeated failures from one address are slowed down.
 */
export async function authenticate(
  input: unknown,
  clientAddress: string,
  options: { wait?: (ms: number) => Promise<void> } = {},
): Promise<SignedInUser | null> {
  const key = `signin:${clientAddress}`;
  const parsed = signInSchema.safeParse(input);
  const user = parsed.success
    ? await db.user.findUnique({ where: { email: parsed.data.email } })
    : null;
  const valid = await verifyPassword(parsed.success ? parsed.data.password : "", user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (user && valid && !user.disabledAt) {
    await resetAttempts(key);
    return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  }
  const failures = await countAttempt(key, WINDOW_MS);
  if (failures > MAX_FAILURES) throw new RateLimitedError();
  await (options.wait ?? sleep)(failureDelayMs(failures));
  return null;
}

/** How long the answer to the n-th failure in a window is held back. */
export function failureDelayMs(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : Math.min(failures - FREE_FAILURES, 10) * DELAY_STEP_MS;
}

// Tokens are long and random, so failures come from mistakes (a revoked or mistyped token) or from guessing.
const MAX_TOKEN_FAILURES = 50;

/**
 * The actor behind an API token, or null. An address that sent too many unknown tokens in the
 * window is refused outright (429), valid token or not, so guessing cannot go on.
 */
export async function authenticateApiToken(token: string, clientAddress: string): Promise<Actor | null> {
  const key = `token:${clientAddress}`;
  if ((await currentAttempts(key, WINDOW_MS)) >= MAX_TOKEN_FAILURES) throw new RateLimitedError();
  const actor = await findActorForApiToken(token);
  if (!actor) await countAttempt(key, WINDOW_MS);
  return actor;
}
