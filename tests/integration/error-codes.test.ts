import { describe, expect, it } from "vitest";
import { GET as getEvent, PATCH as patchEvent } from "@/app/api/events/[id]/route";
import { callRoute } from "../support/api";
import { makeEvent } from "../support/contradiction-fixtures";
import { makeToken, makeUser } from "../support/fixtures";

describe("error bodies carry a machine-readable code", () => {
  it("not_found, unauthenticated, forbidden, validation and stale_version, each beside its message", async () => {
    const editor = await makeUser("EDITOR");
    const token = await makeToken(editor);
    const event = await makeEvent(editor);
    const call = (method: "GET" | "PATCH", id: string, options: { token?: string; body?: unknown } = {}) =>
      callRoute(method === "GET" ? getEvent : patchEvent, { method, url: `/api/events/${id}`, params: { id }, ...options });

    const missing = await call("GET", "missing-id", { token });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: "not_found", error: expect.any(String) });
    expect((await call("GET", event.id)).json.code).toBe("unauthenticated");
    const analyst = await makeToken(await makeUser("ANALYST"));
    expect((await call("PATCH", event.id, { token: analyst, body: { version: 1, title: "Renamed" } })).json.code).toBe("forbidden");
    expect((await call("PATCH", event.id, { token, body: { version: 2147483648, title: "Renamed" } })).json.code).toBe("validation");

    const stale = await call("PATCH", event.id, { token, body: { version: 99, title: "Renamed" } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: "stale_version", current: expect.objectContaining({ id: event.id }) });
  });
});
