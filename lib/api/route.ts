import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import type { PolicyAction } from "@/lib/auth/policy";
import { assertAllowed, getRequestActor } from "@/lib/auth/session";
import { errorBody, ForbiddenError, PayloadTooLargeError, toPublicError, ValidationError } from "@/lib/errors";
import { isSameOriginWrite } from "@/lib/security/same-origin";
import { assertStorableText } from "@/lib/security/storable-text";
import { parseInput } from "@/lib/validation";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

type RouteContext<P> = { params: Promise<P> };

/** The handler gets the actor its rule allowed (never anonymous) and the body and query its schemas parsed. */
type HandlerArgs<P, B, Q> = { request: NextRequest; params: P; actor: Actor; body: B; query: Q };

type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

type Options<S extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  /** Who may call: the named action of lib/auth/policy.ts. */
  access: PolicyAction;
  /** Validates the JSON body; without it the handler gets `undefined`. */
  body?: S;
  /** Validates the query string (one value per name); without it the handler gets `undefined`. */
  query?: Q;
  maxBodyBytes?: number;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one wrapper for route handlers under app/api: authenticate (token or cookie),
 * authorize by the policy table, check Origin on cookie-authenticated writes, validate the body
 * and query once (lib receives them typed), run, and map errors to status codes and messages once.
 */
export function apiRoute<P = Record<string, never>, S extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: Options<S, Q>,
  handler: (args: HandlerArgs<P, Parsed<S>, Parsed<Q>>) => Promise<unknown>,
) {
  return async (request: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      const { actor, method } = await getRequestActor(request);
      const allowed = assertAllowed(actor, options.access);
      if (method === "cookie" && !SAFE_METHODS.has(request.method)) assertSameOrigin(request);
      const body = options.body ? parseInput(options.body, await readJson(request, options.maxBodyBytes)) : undefined;
      const params = context?.params ? await context.params : ({} as P);
      // Ids and query values go into queries unparsed by some handlers: a NUL there would fail in the database.
      assertStorableText({ ...params, ...Object.fromEntries(request.nextUrl.searchParams) });
      const query = options.query ? parseInput(options.query, Object.fromEntries(request.nextUrl.searchParams)) : undefined;
      const result = await handler({ request, params, actor: allowed, body: body as never, query: query as never });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  const failure = toPublicError(error);
  return Response.json(errorBody(failure), { status: failure.status });
}

export function created(body: unknown): Response {
  return Response.json(body, { status: 201 });
}

/** Reads a request body, refusing more than `limit` bytes even when Content-Length lies or is absent. */
export async function readBody(request: Request, limit = DEFAULT_MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw new PayloadTooLargeError(`The request body is over ${formatBytes(limit)}.`);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw new PayloadTooLargeError(`The request body is over ${formatBytes(limit)}.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readJson(request: Request, limit?: number): Promise<unknown> {
  const bytes = await readBody(request, limit);
  if (bytes.byteLength === 0) return {};
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new ValidationError("The request body is not valid JSON.");
  }
}

function assertSameOrigin(request: NextRequest): void {
  if (!isSameOriginWrite(request.headers)) throw new ForbiddenError("Cross-site requests are not accepted.");
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
