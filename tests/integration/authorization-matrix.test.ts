import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RoleName } from "@/lib/auth/schemas";
import { callRoute } from "../support/api";
import { makeToken, makeUser } from "../support/fixtures";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type Access = "public" | "not-called" | readonly RoleName[];

const ALL: readonly RoleName[] = ["EDITOR", "ANALYST", "ADMIN"];
const WRITERS: readonly RoleName[] = ["EDITOR", "ADMIN"];
const ANALYSTS: readonly RoleName[] = ["ANALYST"];

/**
 * Who may call each API route. Written from the product's rules, not read from the code,
 * so a route whose guard drifts fails here; a route missing from this table fails too.
 * "Owner only" rules (editing another's annotation, tokens) are checked inside lib/ and
 * covered by the domain tests.
 */
const MATRIX: Record<string, Partial<Record<Method, Access>>> = {
  // Any member may post a reply (motivation "replying") here; lib refuses an analyst's annotation (annotations-api test).
  annotations: { POST: ALL },
  "annotations/[id]": { GET: ALL, PATCH: WRITERS, DELETE: WRITERS },
  "annotations/[id]/confirm-anchor": { POST: WRITERS },
  "annotations/[id]/reattach": { POST: WRITERS },
  "annotations/[id]/replies": { GET: ALL, POST: ALL },
  "annotations/[id]/replies/[replyId]": { GET: ALL },
  "annotations/[id]/request-review": { POST: WRITERS },
  "annotations/[id]/review": { POST: ANALYSTS },
  articles: { GET: ALL, POST: WRITERS },
  "articles/[id]": { GET: ALL, PATCH: WRITERS },
  "articles/[id]/annotations": { GET: ALL },
  "articles/[id]/claim-proposals": { GET: ALL },
  "articles/[id]/suggestions": { GET: ALL },
  "auth/[...nextauth]": { GET: "not-called", POST: "not-called" },
  briefings: { GET: ALL, POST: WRITERS },
  "briefings/[id]": { GET: ALL, PATCH: WRITERS },
  "briefings/[id]/approve": { POST: ["ANALYST", "ADMIN"] },
  "briefings/[id]/blockers": { GET: ALL },
  "briefings/[id]/publish": { POST: WRITERS },
  "briefings/[id]/retract": { POST: WRITERS },
  "briefings/[id]/return": { POST: ["ANALYST", "ADMIN"] },
  "briefings/[id]/submit": { POST: WRITERS },
  "claim-proposals/[id]/accept": { POST: WRITERS },
  "claim-proposals/[id]/dismiss": { POST: WRITERS },
  claims: { GET: ALL, POST: WRITERS },
  "claims/[id]": { PATCH: WRITERS },
  "claims/subjects": { GET: ALL },
  "contradiction-candidates/[id]/confirm": { POST: WRITERS },
  "contradiction-candidates/[id]/dismiss": { POST: WRITERS },
  contradictions: { GET: ALL, POST: WRITERS },
  "contradictions/[id]": { GET: ALL },
  "contradictions/[id]/keep-resolution": { POST: ALL },
  "contradictions/[id]/reopen": { POST: ALL },
  "contradictions/[id]/resolution": { POST: WRITERS },
  "contradictions/[id]/signoff": { POST: ANALYSTS },
  entities: { GET: ALL, POST: WRITERS },
  "entities/[id]": { GET: ALL, PATCH: WRITERS, DELETE: WRITERS },
  "entities/[id]/merge": { POST: WRITERS },
  "entities/duplicates": { GET: ALL, POST: WRITERS },
  "entities/merges/[id]/undo": { POST: WRITERS },
  "event-proposals": { GET: ALL },
  "event-proposals/[id]/accept": { POST: WRITERS },
  "event-proposals/[id]/dismiss": { POST: WRITERS },
  events: { GET: ALL, POST: WRITERS },
  "events/[id]": { GET: ALL, PATCH: WRITERS, DELETE: WRITERS },
  "import-jobs": { GET: ALL, POST: WRITERS },
  "import-jobs/[id]": { GET: ALL },
  "import-jobs/[id]/files": { POST: WRITERS },
  links: { GET: ALL, POST: WRITERS, DELETE: WRITERS },
  "links/[id]": { DELETE: WRITERS },
  me: { GET: ALL },
  "review-queue": { GET: ALL },
  "suggestions/[id]/accept": { POST: WRITERS },
  "suggestions/[id]/dismiss": { POST: WRITERS },
};

const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const METHODS: Method[] = ["GET", "POST", "PATCH", "PUT", "DELETE"];

async function findRoutes(dir = API_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => findRoutes(path.join(dir, e.name))));
  const here = entries.some((e) => e.name === "route.ts") ? [path.relative(API_DIR, dir)] : [];
  return [...here, ...nested.flat()];
}

type Handler = Parameters<typeof callRoute>[0];

describe("authorization matrix", async () => {
  const routes = await findRoutes();
  const tokens: Partial<Record<RoleName, string>> = {};

  beforeAll(async () => {
    for (const role of ALL) tokens[role] = await makeToken(await makeUser(role));
  });

  it("lists every API route and method, and nothing that does not exist", async () => {
    const found: string[] = [];
    for (const route of routes) {
      const module = (await import(path.join(API_DIR, route, "route.ts"))) as Record<string, unknown>;
      for (const method of METHODS) if (typeof module[method] === "function") found.push(`${method} ${route}`);
    }
    const listed = Object.entries(MATRIX).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method} ${route}`));
    expect(found.sort()).toEqual(listed.sort());
  });

  for (const [route, methods] of Object.entries(MATRIX)) {
    for (const [method, access] of Object.entries(methods) as [Method, Access][]) {
      if (access === "not-called") continue;
      it(`${method} /api/${route}`, async () => {
        const module = (await import(path.join(API_DIR, route, "route.ts"))) as Record<string, Handler>;
        const handler = module[method]!;
        const url = `/api/${route.replaceAll("[id]", "missing-id")}`;
        const body = method === "GET" || (method === "DELETE" && !route.startsWith("links")) ? undefined : {};
        const call = (token?: string) => callRoute(handler, { method, url, token, body, params: { id: "missing-id" } as never });

        const anonymous = await call();
        if (access === "public") expect(anonymous.status).not.toBe(401);
        else expect(anonymous.status).toBe(401);

        for (const role of ALL) {
          const { status } = await call(tokens[role]);
          const allowed = access === "public" || access.includes(role);
          if (allowed) expect([401, 403], `${role} should be allowed`).not.toContain(status);
          else expect(status, `${role} should be refused`).toBe(403);
        }
      });
    }
  }
});
