import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { forbidden, redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { authOptions } from "./options";
import type { Actor } from "./permissions";
import { allows, type PolicyAction } from "./policy";
import { clientAddress } from "./client-address";
import { findActorForSession } from "./queries";
import { authenticateApiToken } from "./sign-in";

type SessionClaims = { uid?: unknown; sv?: unknown };

async function actorFromClaims(claims: SessionClaims | null): Promise<Actor | null> {
  if (!claims || typeof claims.uid !== "string" || typeof claims.sv !== "number") return null;
  return findActorForSession(claims.uid, claims.sv);
}

/** The signed-in actor of the current page or server action, or null. */
export async function getActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as SessionClaims | null;
  return actorFromClaims(session);
}

/** For pages: the actor the action's rule allows, else a redirect to sign in (or a 403 for the wrong role). */
export async function requirePageActor(action: PolicyAction = "workspace.use"): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/signin");
  if (!allows(actor, action)) forbidden();
  return actor;
}

/** For server actions: the actor the action's rule allows, else the matching error. */
export async function requireActor(action: PolicyAction): Promise<Actor> {
  return assertAllowed(await getActor(), action);
}

export function assertAllowed(actor: Actor | null, action: PolicyAction): Actor {
  if (!actor) throw new UnauthorizedError();
  if (!allows(actor, action)) throw new ForbiddenError("Your role does not allow this.");
  return actor;
}

export type AuthMethod = "token" | "cookie" | "none";

/** The actor behind an API request: a Bearer token first, else the session cookie. */
export async function getRequestActor(request: NextRequest): Promise<{ actor: Actor | null; method: AuthMethod }> {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) {
    return { actor: await authenticateApiToken(header.slice(7).trim(), clientAddress(request.headers)), method: "token" };
  }
  const claims = await getToken({ req: request, secret: process.env.AUTH_SECRET });
  if (!claims) return { actor: null, method: "none" };
  return { actor: await actorFromClaims(claims as SessionClaims), method: "cookie" };
}
