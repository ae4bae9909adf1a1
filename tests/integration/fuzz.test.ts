import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { RoleName } from "@/lib/auth/schemas";
import { ERROR_CODES } from "@/lib/errors";
import { db } from "@/lib/db";
import { createBriefing } from "@/lib/briefings/mutations";
import { annotate, makeArticle, makeClaim, makeEntity, makeEvent } from "../support/contradiction-fixtures";
import { makeToken, makeUser } from "../support/fixtures";
import { listApiHandlers } from "../support/route-client";
import { callRoute } from "../support/api";
import { findActionFiles, importActions } from "../support/server-actions";

// Only who is signed in is faked for server actions (there is no request, hence no cookie); everything runs against the real database.
const session = vi.hoisted(() => ({ claims: null as { uid: string; sv: number } | null }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("next-auth")>()), getServerSession: async () => session.claims }));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));

const ROLES: readonly RoleName[] = ["EDITOR", "ANALYST", "ADMIN"];
const TOO_BIG = "2147483648";

/** Ids no row has, and ids no id looks like. */
const BAD_IDS = ["null", "undefined", "0", "-1", TOO_BIG, "x".repeat(65), "../../etc/passwd", "a b", "\uFFFF", "%FF", "💥"];

/** Query strings with impossible dates, versions past the database's integers, and nonsense. */
const BAD_QUERIES = [
  "from=2025-02-30",
  "to=2025-04-31",
  "from=0000-01-01",
  "to=0000-12-31",
  "from=9999-99-99&to=-0001-01-01",
  `version=${TOO_BIG}`,
  "version=-1",
  "version=1e400",
  "version=abc",
  `page=${TOO_BIG}`,
  "limit=99999999999999999999",
  "cursor=%FF%FE",
  `revision=${TOO_BIG}`,
  `dryRun=1&q=${"a".repeat(5000)}`,
];

const MANY_FIELDS = { id: "missing-id", annotationId: "missing-id", articleId: "missing-id", entityId: "missing-id", title: "T", type: "person", name: "N" };

/** JSON bodies of the wrong shape, or with impossible dates and versions in every field a body might have. */
const BAD_BODIES: unknown[] = [
  [],
  null,
  "text",
  42,
  true,
  [{ version: 1 }],
  { version: Number(TOO_BIG), ...MANY_FIELDS },
  { version: 1e300, ...MANY_FIELDS },
  { version: "1", ...MANY_FIELDS },
  { version: 1, publishedAt: "2025-02-30", date: "2025-02-30", startsAt: "2025-02-30", ...MANY_FIELDS },
  { version: 1, publishedAt: "0000-01-01", date: "0000-01-01", startsAt: "0000-01-01T00:00:00Z", ...MANY_FIELDS },
  { version: 1, id: {}, title: [], name: { toString: null }, participants: "x", annotationIds: null, decision: [] },
];

type Failure = string;

describe("malformed input never answers 500", () => {
  const tokens: Partial<Record<RoleName, string>> = {};
  const users = {} as Record<RoleName, Actor>;
  /** A real row for each kind of id a route takes, so that checks behind the lookup (versions, dates) are reached too. */
  const rows: Record<string, string> = {};

  beforeAll(async () => {
    for (const role of ROLES) {
      users[role] = await makeUser(role);
      tokens[role] = await makeToken(users[role]);
    }
    const article = await makeArticle("The talks in Geneva lasted six hours on Tuesday.", { publishedAt: "2025-05-20" });
    const event = await makeEvent(users.EDITOR);
    const { claim } = await makeClaim(users.EDITOR, article, "six hours", {
      eventId: event.id,
      attribute: "duration",
      value: { type: "text", text: "six hours" },
    });
    const annotation = await annotate(users.EDITOR, article, "Geneva", "note");
    const briefing = await createBriefing(users.EDITOR, { title: `Fuzzed briefing ${Date.now()}` });
    const contradiction = await db.contradiction.create({ data: { status: "OPEN", summary: "How long the talks lasted" } });
    Object.assign(rows, {
      annotations: annotation,
      articles: article.id,
      briefings: briefing.id,
      claims: claim.id,
      contradictions: contradiction.id,
      entities: (await makeEntity()).id,
      events: event.id,
    });
  });

  it("walks every API route and method with malformed ids, queries and bodies", { timeout: 600_000 }, async () => {
    const handlers = await listApiHandlers();
    const failures: Failure[] = [];
    let calls = 0;
    // biome-ignore lint/suspicious/noExplicitAny: response bodies differ by endpoint; each test reads the fields it asserts on.
    const check = async (label: string, run: () => Promise<{ status: number; json: any }>) => {
      calls++;
      let result: Awaited<ReturnType<typeof run>>;
      try {
        result = await run();
      } catch (error) {
        failures.push(`${label}: threw ${String(error)}`);
        return;
      }
      if (result.status >= 500) failures.push(`${label}: ${result.status} ${JSON.stringify(result.json)?.slice(0, 200)}`);
      else if (result.status >= 400 && result.json && typeof result.json === "object" && !ERROR_CODES.includes(result.json.code)) {
        failures.push(`${label}: ${result.status} without a code: ${JSON.stringify(result.json).slice(0, 200)}`);
      }
    };

    // Deletes last, so that the rows stay for the other calls as long as possible.
    const ordered = [...handlers].sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));
    for (const { route, method, names, handler } of ordered) {
      if (route.startsWith("auth/")) continue;
      const real = rows[route.split("/")[0]!] ?? "missing-id";
      const path = (id: string) => `/api/${route.replace(/\[(\w+)\]/g, () => encodeURIComponent(id))}`;
      const params = (id: string) => Object.fromEntries(names.map((name) => [name, id])) as never;
      const writes = method !== "GET";
      for (const role of ["ADMIN", "ANALYST"] as const) {
        const token = tokens[role];
        const call = (url: string, id: string, body?: unknown) => callRoute(handler, { method, url, token, body, params: params(id) });
        if (names.length)
          for (const id of BAD_IDS) await check(`${role} ${method} ${route} id=${JSON.stringify(id)}`, () => call(path(id), id, writes ? {} : undefined));
        for (const id of new Set(["missing-id", real])) {
          for (const query of BAD_QUERIES)
            await check(`${role} ${method} ${route}?${query.slice(0, 60)} (${id})`, () => call(`${path(id)}?${query}`, id, writes ? {} : undefined));
          if (!writes) continue;
          for (const body of BAD_BODIES)
            await check(`${role} ${method} ${route} (${id}) body=${JSON.stringify(body).slice(0, 80)}`, () => call(path(id), id, body));
          await check(`${role} ${method} ${route} (${id}) body=not JSON`, () => call(path(id), id, "{not json"));
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(1000);
  });

  it("calls every server action with arguments of the wrong type and malformed values, signed in or not", { timeout: 600_000 }, async () => {
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.append(name, value);
      return data;
    };
    // Never valid as a whole (blank name and title, a short password), so no call creates anything.
    const badForm = form({
      id: "missing-id",
      version: TOO_BIG,
      name: "",
      title: "",
      type: "person",
      email: "not an address",
      role: "EDITOR",
      password: "short",
      publishedAt: "2025-02-30",
      annotationIds: "missing-id",
    });
    const ARGUMENTS: unknown[][] = [
      [],
      [null],
      [[]],
      [{}],
      ["text"],
      [42],
      [null, null, null],
      ["missing-id", null, null],
      ["missing-id", [], []],
      ["missing-id", "missing-id", {}],
      [{ version: Number(TOO_BIG), ...MANY_FIELDS, sourceId: "missing-id", into: "missing-id", decision: "approve", userId: "missing-id" }],
      [{ version: 1, ...MANY_FIELDS, sourceId: null, into: [], participants: "x" }],
      [badForm],
      ["missing-id", badForm],
      ["missing-id", null, badForm],
      ["missing-id", { version: Number(TOO_BIG), title: "T", date: "2025-02-30" }],
    ];
    const failures: Failure[] = [];
    for (const file of await findActionFiles()) {
      for (const [name, action] of Object.entries(await importActions(file))) {
        if (typeof action !== "function") continue;
        for (const actor of [null, ...ROLES.map((role) => users[role])]) {
          if (actor) {
            const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionVersion: true } });
            session.claims = { uid: actor.id, sv: sessionVersion };
          } else session.claims = null;
          for (const args of ARGUMENTS) {
            const label = `${actor?.role ?? "anonymous"} ${name}(${JSON.stringify(args).slice(0, 80)})`;
            try {
              const result = await action(...args);
              if (!result.ok && result.status >= 500) failures.push(`${label}: ${result.status} ${result.error}`);
              else if (!result.ok && !ERROR_CODES.includes(result.code)) failures.push(`${label}: no code`);
              else if (!actor && result.ok) failures.push(`${label}: anonymous call succeeded`);
            } catch (error) {
              // A redirect is how a successful form action ends; anything else thrown is a failure.
              const digest = (error as { digest?: unknown }).digest;
              if (!(typeof digest === "string" && digest.startsWith("NEXT_REDIRECT"))) failures.push(`${label}: threw ${String(error)}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses a NUL in a multipart file name with 422 on both import routes", async () => {
    const { POST: importArticles } = await import("@/app/api/articles/route");
    const { POST: startImportJob } = await import("@/app/api/import-jobs/route");
    for (const [handler, url] of [
      [importArticles, "/api/articles"],
      [startImportJob, "/api/import-jobs"],
    ] as const) {
      const body = new FormData();
      body.append("file", new File(["The talks lasted six hours."], "talks\u0000.txt", { type: "text/plain" }));
      const response = await callRoute(handler as never, { method: "POST", url, token: tokens.EDITOR, body });
      expect(response.status, url).toBe(422);
      expect(response.json.code).toBe("validation");
    }
  });
});
