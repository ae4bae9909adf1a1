import "server-only";
import { db } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import type { Actor } from "./permissions";
import { noteApiTokenUse } from "./mutations";
import { checkApiToken } from "./queries";
import { countAttempt, currentAttempts, resetAttempts, sleep } from "./rate-limit";
import { signInSchema } from "./schemas";
import { DUMMY_PASSWORD_HASH, TOKEN_PREFIX, verifyPassword } from "./secrets";

export const RATE_WINDOW_MS = 15 * 60_000;

/**
 * Failed sign-ins are counted per account and per address. An account locks after a few
 * failures, so guessing one password stops without touching anyone else; an address locks only
 * after many more, so that one client guessing across many accounts stops too, while a whole
 * office behind one proxy address is not locked out by one person's typos.
 */
export const MAX_ACCOUNT_FAILURES = 10;
export const MAX_ADDRESS_FAILURES = 100;
// Failures on an account before its answers start to slow down.
const FREE_FAILURES = 3;
const DELAY_STEP_MS = 400;

export type SignedInUser = { id: string; email: string; name: string; role: string; sessionVersion: number };

/** The rate-limit keys of a sign-in attempt: the account (by its email, known or not) and the address. */
export function signInKeys(email: string | null, clientAddress: string): { account: string | null; address: string } {
  return { account: email === null ? null : `signin:account:${email}`, address: `signin:address:${clientAddress}` };
}

/**
 * Checks an email and password. Returns null for every kind of failure, so callers can only
 * ever say one generic thing. A locked account or address is refused (RateLimitedError) before
 * the password is looked at, the right one included, until the window passes.
 */
export async function authenticate(
  input: unknown,
  clientAddress: string,
  options: { wait?: (ms: number) => Promise<void> } = {},
): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  const keys = signInKeys(parsed.success ? parsed.data.email : null, clientAddress);
  if ((await currentAttempts(keys.address, RATE_WINDOW_MS)) >= MAX_ADDRESS_FAILURES) throw new RateLimitedError();
  if (keys.account && (await currentAttempts(keys.account, RATE_WINDOW_MS)) >= MAX_ACCOUNT_FAILURES) throw new RateLimitedError();

  const user = parsed.success ? await db.user.findUnique({ where: { email: parsed.data.email } }) : null;
  const valid = await verifyPassword(parsed.success ? parsed.data.password : "", user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (user && valid && !user.disabledAt) {
    // Only this account's own failures are forgiven: the address's count still holds the guesses made at other accounts.
    if (keys.account) await resetAttempts(keys.account);
    return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  }
  const addressFailures = await countAttempt(keys.address, RATE_WINDOW_MS);
  const accountFailures = keys.account ? await countAttempt(keys.account, RATE_WINDOW_MS) : 0;
  if (addressFailures > MAX_ADDRESS_FAILURES || accountFailures > MAX_ACCOUNT_FAILURES) throw new RateLimitedError();
  await (options.wait ?? sleep)(failureDelayMs(accountFailures));
  return null;
}

/** How long the answer to an account's n-th failure in a window is held back. */
export function failureDelayMs(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : Math.min(failures - FREE_FAILURES, 10) * DELAY_STEP_MS;
}

/**
 * Unknown tokens are counted per token prefix and per address. A script that keeps sending one
 * revoked or mistyped token is stopped by its prefix alone; an address is refused only after
 * many more unknown tokens (guessing), so that one client behind a shared address cannot lock
 * out everyone else's valid tokens.
 */
export const MAX_TOKEN_PREFIX_FAILURES = 20;
export const MAX_TOKEN_ADDRESS_FAILURES = 500;

/** The rate-limit keys of a token: its prefix (as shown in the token list) and the address. */
export function tokenKeys(token: string, clientAddress: string): { prefix: string; address: string } {
  return { prefix: `token:prefix:${token.slice(0, TOKEN_PREFIX.length + 6)}`, address: `token:address:${clientAddress}` };
}

/**
 * The actor behind an API token, or null. A prefix or an address with too many unknown tokens
 * in the window is refused outright (429), valid token or not, so guessing cannot go on.
 */
export async function authenticateApiToken(token: string, clientAddress: string): Promise<Actor | null> {
  const keys = tokenKeys(token, clientAddress);
  const {
    actor,
    failures: [prefixFailures = 0, addressFailures = 0],
    staleTokenId,
  } = await checkApiToken(token, { keys: [keys.prefix, keys.address], windowMs: RATE_WINDOW_MS });
  if (prefixFailures >= MAX_TOKEN_PREFIX_FAILURES || addressFailures >= MAX_TOKEN_ADDRESS_FAILURES) throw new RateLimitedError();
  if (!actor) {
    await countAttempt(keys.prefix, RATE_WINDOW_MS);
    await countAttempt(keys.address, RATE_WINDOW_MS);
  }
  if (staleTokenId) await noteApiTokenUse(staleTokenId);
  return actor;
}
