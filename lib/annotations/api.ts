import "server-only";
import type { NextRequest } from "next/server";
import { ConflictError } from "@/lib/errors";
import { toW3CAnnotation } from "./json-ld";
import type { AnnotationView } from "./types";

/** Runs an API write; a 409's current state is sent in the API's own shape (W3C JSON-LD). */
export async function withW3CConflict<T>(origin: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const current = error instanceof ConflictError ? (error.details as { current?: AnnotationView } | undefined)?.current : undefined;
    if (error instanceof ConflictError && current) {
      throw new ConflictError(error.message, { current: toW3CAnnotation(current, origin) }, error.code);
    }
    throw error;
  }
}

/**
 * The app's public origin for the IRIs in JSON-LD: NEXTAUTH_URL (the public URL, see README)
 * when set, else the Host the client used (the server's own URL may be an internal address).
 */
export function publicOrigin(request: NextRequest): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // An unusable setting falls back to the request's host.
    }
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const protocol = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(/:$/, "");
  return host ? `${protocol}://${host}` : request.nextUrl.origin;
}
