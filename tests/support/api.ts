import { NextRequest } from "next/server";

type Handler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler the way Next.js does, with an optional Bearer token and JSON body. */
export async function callRoute<P = Record<string, never>>(
  handler: Handler<P>,
  options: { method?: string; url?: string; token?: string; body?: unknown; params?: P; headers?: Record<string, string> } = {},
  // biome-ignore lint/suspicious/noExplicitAny: response bodies differ by endpoint; each test reads the fields it asserts on.
): Promise<{ status: number; json: any; headers: Headers }> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (options.body instanceof FormData || typeof options.body === "string") {
      body = options.body;
    } else {
      headers.set("content-type", "application/json");
      body = JSON.stringify(options.body);
    }
  }
  const request = new NextRequest(new URL(options.url ?? "/api/test", "http://localhost:3000"), { method: options.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json, headers: response.headers };
}
