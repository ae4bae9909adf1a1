import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as createEntityRoute } from "@/app/api/entities/route";
import { DELETE as deleteEventRoute, GET as getEventRoute, PATCH as patchEventRoute } from "@/app/api/events/[id]/route";
import { GET as listEventsRoute, POST as createEventRoute } from "@/app/api/events/route";
import { DELETE as deleteLinkByIdRoute } from "@/app/api/links/[id]/route";
import { DELETE as deleteLinkRoute, GET as listLinksRoute, POST as createLinkRoute } from "@/app/api/links/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/api";
import { makeAnnotation, makeArticle } from "../support/article-fixtures";
import { makeToken, makeUser } from "../support/fixtures";

const tag = () => randomBytes(3).toString("hex");

async function setup() {
  const editor = await makeUser("EDITOR");
  const token = await makeToken(editor);
  const t = tag();
  const entity = async (type: string, name: string) => {
    const response = await callRoute(createEntityRoute, { method: "POST", token, body: { type, name: `${name} ${t}` } });
    expect(response.status).toBe(201);
    return response.json.id as string;
  };
  return {
    editor,
    token,
    t,
    putin: await entity("person", "Vladimir Putin"),
    trump: await entity("person", "Donald Trump"),
    moscow: await entity("place", "Moscow"),
  };
}

async function createEvent(token: string, body: Record<string, unknown>) {
  return callRoute(createEventRoute, { method: "POST", token, body });
}

describe("events", () => {
  it("creates an event with a zoned time, participants with roles and a place, shown in its zone and in UTC", async () => {
    const { token, t, putin, trump, moscow } = await setup();
    const response = await createEvent(token, {
      type: "phone_call",
      title: `Putin–Trump call ${t}`,
      date: { localDate: "2025-05-19T10:00", precision: "minute", timeZone: "America/New_York" },
      placeId: moscow,
      participants: [
        { entityId: trump, role: "caller" },
        { entityId: putin, role: "called" },
      ],
      description: "Two hours.",
    });
    expect(response.status).toBe(201);
    const event = response.json;
    expect(event.date).toMatchObject({ localDate: "2025-05-19T10:00", precision: "minute", timeZone: "America/New_York", start: "2025-05-19T14:00:00.000Z" });
    expect(event.date.label).toBe("19 May 2025, 10:00 EDT (14:00 UTC)");
    expect(event.participants.map((p: { role: string; entity: { id: string } }) => `${p.role}:${p.entity.id}`).sort()).toEqual([
      `called:${putin}`,
      `caller:${trump}`,
    ]);
    expect(event.place.id).toBe(moscow);
    const stored = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.occurredAt?.toISOString()).toBe("2025-05-19T14:00:00.000Z");
  });

  it("rejects an impossible date, an unknown zone and a participant that does not exist, writing nothing", async () => {
    const { token, t, putin } = await setup();
    const before = await db.event.count();
    const impossible = await createEvent(token, { type: "meeting", title: `Bad ${t}`, date: { localDate: "2025-02-30", precision: "day" } });
    expect(impossible.status).toBe(422);
    expect(impossible.json).toMatchObject({ code: "validation", issues: [expect.objectContaining({ path: "date.localDate" })] });
    const zone = await createEvent(token, {
      type: "meeting",
      title: `Bad ${t}`,
      date: { localDate: "2025-02-03T10", precision: "hour", timeZone: "Mars/Olympus" },
    });
    expect(zone.status).toBe(422);
    expect(zone.json).toMatchObject({ code: "validation", issues: [expect.objectContaining({ path: "date.timeZone" })] });
    const ghost = await createEvent(token, {
      type: "meeting",
      title: `Bad ${t}`,
      participants: [
        { entityId: putin, role: "host" },
        { entityId: "no-such-entity", role: "guest" },
      ],
    });
    expect(ghost.status).toBe(422);
    // Refusals found against stored rows carry no `issues`; their message starts with the field they name.
    expect(ghost.json).toMatchObject({ code: "validation", error: expect.stringMatching(/^participants\.1\.entityId: /) });
    const place = await createEvent(token, { type: "meeting", title: `Bad ${t}`, placeId: putin });
    expect(place.status).toBe(422);
    expect(place.json).toMatchObject({ code: "validation", error: expect.stringMatching(/^placeId: /) });
    expect(await db.event.count()).toBe(before);
  });

  it("warns that a call with the same people on the same day is probably the same event, but not one on another day", async () => {
    const { token, t, putin, trump } = await setup();
    const call = (day: string, extra: Record<string, unknown> = {}) =>
      createEvent(token, {
        type: "phone_call",
        title: `Call ${day} ${t}`,
        date: { localDate: day, precision: "day", timeZone: null },
        participants: [
          { entityId: putin, role: "called" },
          { entityId: trump, role: "caller" },
        ],
        ...extra,
      });
    const first = await call("2025-05-19");
    expect(first.status).toBe(201);
    const same = await call("2025-05-19");
    expect(same.status).toBe(409);
    expect(same.json.existing).toMatchObject({ id: first.json.id });
    expect((await call("2025-03-18")).status).toBe(201);
    expect((await call("2025-05-19", { confirmDuplicate: true })).status).toBe(201);
  });

  it("relates events, edits from the current version and refuses a stale one", async () => {
    const { token, t, putin, trump } = await setup();
    const first = (await createEvent(token, { type: "proposal", title: `Ceasefire proposal ${t}`, date: { localDate: "2025-03", precision: "month" } })).json;
    const second = await createEvent(token, {
      type: "statement",
      title: `Kremlin reply ${t}`,
      relations: [{ type: "responds_to", eventId: first.id }],
      participants: [{ entityId: putin, role: "speaker" }],
    });
    expect(second.status).toBe(201);
    const firstPage = await callRoute(getEventRoute, { token, params: { id: first.id } });
    expect(firstPage.json.event.relations).toEqual([
      expect.objectContaining({ direction: "to", label: "is answered by", event: expect.objectContaining({ id: second.json.id }) }),
    ]);

    const self = await callRoute(patchEventRoute, {
      method: "PATCH",
      token,
      params: { id: first.id },
      body: { version: first.version, relations: [{ type: "follows", eventId: first.id }] },
    });
    expect(self.status).toBe(422);

    const edited = await callRoute(patchEventRoute, {
      method: "PATCH",
      token,
      params: { id: second.json.id },
      body: {
        version: second.json.version,
        participants: [
          { entityId: trump, role: "addressee" },
          { entityId: putin, role: "speaker" },
        ],
        date: { localDate: "2025-03-20", precision: "day" },
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.json.participants).toHaveLength(2);
    expect(edited.json.date.label).toBe("20 March 2025");
    const stale = await callRoute(patchEventRoute, {
      method: "PATCH",
      token,
      params: { id: second.json.id },
      body: { version: second.json.version, title: "x" },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.current.version).toBe(second.json.version + 1);
  });

  it("lists events in date order filtered by entity and date range", async () => {
    const { token, t, putin, trump, moscow } = await setup();
    const make = async (title: string, localDate: string, participants: string[]) =>
      (
        await createEvent(token, {
          type: "meeting",
          title: `${title} ${t}`,
          date: { localDate, precision: "day" },
          placeId: moscow,
          participants: participants.map((entityId) => ({ entityId, role: "participant" })),
        })
      ).json.id as string;
    const march = await make("March", "2025-03-18", [putin]);
    const may = await make("May", "2025-05-19", [putin, trump]);
    const june = await make("June", "2025-06-02", [trump]);
    const list = async (query: string) =>
      (await callRoute(listEventsRoute, { token, url: `/api/events?${query}` })).json.events.map((e: { id: string }) => e.id) as string[];
    expect(await list(`entityId=${putin}`)).toEqual([march, may]);
    expect(await list(`entityId=${moscow}`)).toEqual([march, may, june]);
    expect(await list(`entityId=${trump}&from=2025-05-19&to=2025-05-31`)).toEqual([may]);
    expect((await callRoute(listEventsRoute, { token, url: "/api/events?from=2025-13-01" })).status).toBe(422);
  });
});

describe("links", () => {
  it("links a passage to an entity and an event; both pages list the quote grouped by outlet with a link into the article", async () => {
    const { editor, token, t, putin } = await setup();
    const event = (await createEvent(token, { type: "statement", title: `Statement ${t}` })).json;
    const a1 = await makeArticle(editor, { text: `Putin said on Saturday that talks would go on. ${t}`, outlet: "Reuters", publishedAt: "2025-05-19" });
    const a2 = await makeArticle(editor, { text: `The Kremlin leader spoke to reporters. ${t}`, outlet: "AP" });
    const p1 = await makeAnnotation(editor, a1, "Putin said on Saturday that talks would go on.");
    const p2 = await makeAnnotation(editor, a2, "The Kremlin leader spoke to reporters.");
    const link = (annotationId: string, targetType: string, targetId: string, relation: string) =>
      callRoute(createLinkRoute, { method: "POST", token, body: { annotationId, targetType, targetId, relation } });
    expect((await link(p1.id, "entity", putin, "quotes")).status).toBe(201);
    expect((await link(p1.id, "event", event.id, "describes")).status).toBe(201);
    expect((await link(p2.id, "event", event.id, "claims_about")).status).toBe(201);
    const again = await link(p1.id, "event", event.id, "describes");
    expect(again.status).toBe(409);

    const page = (await callRoute(getEventRoute, { token, params: { id: event.id } })).json;
    expect(page.passages.map((g: { outlet: string }) => g.outlet)).toEqual(["AP", "Reuters"]);
    expect(page.passages[1].passages[0]).toMatchObject({
      exact: "Putin said on Saturday that talks would go on.",
      relations: ["DESCRIBES"],
      href: `/articles/${a1.articleId}#annotation-${p1.id}`,
    });
    expect(page.canDelete).toBe(false);

    const links = (await callRoute(listLinksRoute, { token, url: `/api/links?annotationId=${p1.id}` })).json.links;
    expect(links.map((l: { targetType: string; relation: string }) => `${l.targetType}:${l.relation}`)).toEqual(["ENTITY:QUOTES", "EVENT:DESCRIBES"]);

    expect((await callRoute(deleteLinkByIdRoute, { method: "DELETE", token, params: { id: links[0].id } })).status).toBe(204);
    expect(
      (
        await callRoute(deleteLinkRoute, {
          method: "DELETE",
          token,
          body: { annotationId: p1.id, targetType: "event", targetId: event.id, relation: "describes" },
        })
      ).status,
    ).toBe(204);
    expect(await db.link.count({ where: { annotationId: p1.id } })).toBe(0);
  });

  it("refuses links to deleted or missing annotations and targets with a clear reason", async () => {
    const { editor, token, t, putin } = await setup();
    const article = await makeArticle(editor, { text: `Putin spoke. ${t}` });
    const annotation = await makeAnnotation(editor, article, "Putin spoke.");
    await db.annotation.update({ where: { id: annotation.id }, data: { deletedAt: new Date() } });
    const deleted = await callRoute(createLinkRoute, {
      method: "POST",
      token,
      body: { annotationId: annotation.id, targetType: "entity", targetId: putin, relation: "mentions" },
    });
    expect(deleted.status).toBe(422);
    // Refusals found against stored rows carry no `issues`; the message names what was refused.
    expect(deleted.json).toMatchObject({ code: "validation", error: expect.stringMatching(/deleted/) });
    const missing = await callRoute(createLinkRoute, {
      method: "POST",
      token,
      body: { annotationId: "nope", targetType: "entity", targetId: putin, relation: "mentions" },
    });
    expect(missing.status).toBe(404);
    const live = await makeAnnotation(editor, article, "Putin");
    const noEvent = await callRoute(createLinkRoute, {
      method: "POST",
      token,
      body: { annotationId: live.id, targetType: "event", targetId: putin, relation: "mentions" },
    });
    expect(noEvent.status).toBe(422);
    expect(noEvent.json).toMatchObject({ code: "validation", error: expect.stringMatching(/^targetId: /) });
    const badRelation = await callRoute(createLinkRoute, {
      method: "POST",
      token,
      body: { annotationId: live.id, targetType: "entity", targetId: putin, relation: "loves" },
    });
    expect(badRelation.status).toBe(422);
    expect(await db.link.count({ where: { annotationId: { in: [annotation.id, live.id] } } })).toBe(0);
  });

  it("deletes an event only once nothing links to it", async () => {
    const { editor, token, t } = await setup();
    const event = (await createEvent(token, { type: "other", title: `Rumour ${t}` })).json;
    const article = await makeArticle(editor, { text: `A rumour spread. ${t}` });
    const annotation = await makeAnnotation(editor, article, "A rumour spread.");
    const link = await callRoute(createLinkRoute, {
      method: "POST",
      token,
      body: { annotationId: annotation.id, targetType: "event", targetId: event.id, relation: "mentions" },
    });
    expect((await callRoute(deleteEventRoute, { method: "DELETE", token, params: { id: event.id } })).status).toBe(409);
    await callRoute(deleteLinkByIdRoute, { method: "DELETE", token, params: { id: link.json.id } });
    expect((await callRoute(deleteEventRoute, { method: "DELETE", token, params: { id: event.id } })).status).toBe(204);
    expect((await callRoute(getEventRoute, { token, params: { id: event.id } })).status).toBe(404);
  });

  it("lets analysts read links but not write them", async () => {
    const { editor, putin } = await setup();
    const analyst = await makeToken(await makeUser("ANALYST"));
    const article = await makeArticle(editor, { text: "Putin spoke." });
    const annotation = await makeAnnotation(editor, article, "Putin spoke.");
    expect((await callRoute(listLinksRoute, { token: analyst, url: `/api/links?annotationId=${annotation.id}` })).status).toBe(200);
    const write = await callRoute(createLinkRoute, {
      method: "POST",
      token: analyst,
      body: { annotationId: annotation.id, targetType: "entity", targetId: putin, relation: "mentions" },
    });
    expect(write.status).toBe(403);
  });
});
