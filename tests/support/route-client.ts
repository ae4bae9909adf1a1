import { readdirSync } from "node:fs";
import path from "node:path";
import { callRoute } from "./api";

type Handler = Parameters<typeof callRoute>[0];
type Route = { route: string; pattern: RegExp; names: string[]; file: string };

const API_DIR = path.resolve(import.meta.dirname, "../../app/api");

function findRoutes(dir = API_DIR): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const here = entries.some((entry) => entry.name === "route.ts") ? [path.relative(API_DIR, dir)] : [];
  return [...here, ...entries.filter((entry) => entry.isDirectory()).flatMap((entry) => findRoutes(path.join(dir, entry.name)))];
}

/** Static segments win over dynamic ones, as in Next's router. */
const ROUTES: Route[] = findRoutes()
  .map((relative) => {
    const names: string[] = [];
    const source = relative
      .split(path.sep)
      .map((segment) => {
        const dynamic = /^\[(\w+)\]$/.exec(segment);
        if (!dynamic) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(dynamic[1]);
        return "([^/]+)";
      })
      .join("/");
    return { route: relative.split(path.sep).join("/"), pattern: new RegExp(`^/api/${source}$`), names, file: path.join(API_DIR, relative, "route.ts") };
  })
  .sort((a, b) => a.names.length - b.names.length);

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

/** Every API route and the methods it exports, e.g. `{ route: "annotations/[id]", method: "PATCH", handler }`. */
export async function listApiHandlers(): Promise<{ route: string; method: (typeof METHODS)[number]; names: string[]; handler: Handler }[]> {
  const found = [];
  for (const route of ROUTES) {
    const module = (await import(route.file)) as Record<string, Handler | undefined>;
    for (const method of METHODS) {
      const handler = module[method];
      if (handler) found.push({ route: route.route, method, names: route.names, handler });
    }
  }
  return found;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies differ by endpoint; each test reads the fields it asserts on.
export type RouteResult = { status: number; json: any };

/**
 * Calls the API route handler a path names, as Next's router would, with a Bearer token:
 * `call(token, "PATCH", "/api/articles/abc", body)`. Lets the same client code run against
 * the handlers in-process (integration tests) and against a server (end-to-end tests).
 */
export async function callApiPath(
  token: string | undefined,
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<RouteResult> {
  const pathname = new URL(url, "http://localhost:3000").pathname;
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const module = (await import(route.file)) as Record<string, Handler | undefined>;
    const handler = module[method];
    if (!handler) return { status: 405, json: null };
    const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
    return callRoute(handler, { method, url, token, body, params, headers });
  }
  return { status: 404, json: null };
}
