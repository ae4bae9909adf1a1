import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { errorResponse, readBody } from "@/lib/api/route";
import { authOptions } from "@/lib/auth/options";
import { withoutForeignCallbackUrl } from "@/lib/auth/redirect";
import { ValidationError } from "@/lib/errors";

const handler = NextAuth(authOptions);

/** Sign-in and sign-out forms are a few hundred bytes. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth reads the whole body, however large, and answers malformed JSON with a 500: the
 * body is read here first, with a limit (413), and JSON is checked (422) before it is handed on.
 */
async function POST(request: NextRequest, context: Context): Promise<Response> {
  let bytes: Uint8Array;
  try {
    bytes = await readBody(request, MAX_AUTH_BODY_BYTES);
    if (/application\/json/i.test(request.headers.get("content-type") ?? "") && bytes.byteLength > 0) {
      try {
        JSON.parse(Buffer.from(bytes).toString("utf8"));
      } catch {
        throw new ValidationError("The request body is not valid JSON.");
      }
    }
  } catch (error) {
    return errorResponse(error);
  }
  const buffered = new NextRequest(ownCallbacksOnly(request), { method: "POST", headers: request.headers, body: bytes as Uint8Array<ArrayBuffer> });
  return handler(buffered, context);
}

async function GET(request: NextRequest, context: Context): Promise<Response> {
  return handler(new NextRequest(ownCallbacksOnly(request), { method: "GET", headers: request.headers }), context);
}

/** The request's URL with only a callbackUrl on the app's own origin (the one next-auth redirects to). */
function ownCallbacksOnly(request: NextRequest): string {
  return withoutForeignCallbackUrl(request.url, process.env.NEXTAUTH_URL?.trim() || request.nextUrl.origin);
}

export { GET, POST };
