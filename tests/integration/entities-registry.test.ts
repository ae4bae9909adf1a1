import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getDuplicates, POST as judgePair } from "@/app/api/entities/duplicates/route";
import { POST as mergeRoute } from "@/app/api/entities/[id]/merge/route";
import { DELETE as deleteRoute, GET as getEntityRoute, PATCH as patchRoute } from "@/app/api/entities/[id]/route";
import { POST as undoRoute } from "@/app/api/entities/merges/[id]/undo/route";
import { GET as searchRoute, POST as createRoute } from "@/app/api/entities/route";
import { POST as createLinkRoute } from "@/app/api/links/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/api";
import { makeAnnotation, makeArticle } from "../support/article-fixtures";
import { makeToken, makeUser } from "../support/fixtures";

/** Names unique to this run, so tests sharing the database never see each other's entities. */
const tag = () =>
  randomBytes(3)
    .toString("hex")
    .replace(/\d/g, (d) => "ghijklmnop"[Number(d)]);

async function editorToken() {
  return makeToken(await makeUser("EDITOR"));
}

async function createEntity(token: string, body: Record<string, unknown>) {
  const response = await callRoute(createRoute, { method: "POST", token, body });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json as { id: string; name: string; version: number; aliases: { id: string; alias: string }[] };
}

async function search(token: string, q: string, extra = "") {
  const response = await callRoute(searchRoute, { token, url: `/api/entities?q=${encodeURIComponent(q)}${extra}` });
  expect(response.status).toBe(200);
  return response.json.entities as { id: string; name: string; matched: string }[];
}

/**
 * The hits that are this test's own entities (named with its tag): a search also lists other
 * tests' entities spelled alike ("Sergei Lavrov" for "lavrovhkmo…"), after its own matches.
 */
const own = (hits: { id: string; name: string }[], t: string) => hits.filter((h) => h.name.toLowerCase().includes(t)).map((h) => h.id);

describe("alias-aware search", () => {
  it("finds an entity by spelling variants and transliterations, ignoring case and diacritics", async () => {
    const token = await editorToken();
    const t = tag();
    const kyiv = await createEntity(token, { type: "place", name: `Kyiv${t}`, aliases: [`Kiev${t}`, `Kyïv${t}`, `Київ${t}`] });
    for (const q of [`kiev${t}`, `KYIV${t}`, `KYÏV${t}`, `kyiv${t}`, `Київ${t}`]) {
      const hits = await search(token, q);
      expect(
        hits.map((h) => h.id),
        q,
      ).toContain(kyiv.id);
    }
    const [hit] = await search(token, `kiev${t}`);
    expect(hit).toMatchObject({ id: kyiv.id, matched: `Kiev${t}` });
  });

  it("matches a prefix as the user types, and a later word of a name", async () => {
    const token = await editorToken();
    const t = tag();
    const lavrov = await createEntity(token, { type: "person", name: `Sergei Lavrov${t}`, aliases: [`Sergey Lavrov${t}`] });
    expect((await search(token, "Serge")).map((h) => h.id)).toContain(lavrov.id);
    expect(own(await search(token, `lavrov${t}`), t)).toEqual([lavrov.id]);
    expect(own(await search(token, `sergéy lavrov${t}`), t)).toEqual([lavrov.id]);
  });

  it("forgives a misspelled name, ranking it below exact alias hits", async () => {
    const token = await editorToken();
    const t = tag();
    const lavrov = await createEntity(token, { type: "person", name: `Sergei Lavrov${t}`, aliases: [`Lavrov${t}`] });
    const hits = await search(token, `Lavrow${t}`);
    expect(hits[0]).toMatchObject({ id: lavrov.id, matched: `Lavrov${t}` });
    // An entity that is really called that comes first.
    const namesake = await createEntity(token, { type: "place", name: `Lavrow${t}` });
    expect((await search(token, `lavrow${t}`)).map((h) => h.id).slice(0, 2)).toEqual([namesake.id, lavrov.id]);
    expect((await search(token, `Lavrow${t}`, "&type=person")).map((h) => h.id)).toEqual([lavrov.id]);
  });

  it("ranks an exact name above prefix matches and filters by type", async () => {
    const token = await editorToken();
    const t = tag();
    const longer = await createEntity(token, { type: "organization", name: `Kremlin${t} Press Office` });
    const exact = await createEntity(token, { type: "organization", name: `Kremlin${t}`, aliases: [`the Kremlin${t}`] });
    const hits = await search(token, `kremlin${t}`);
    expect(hits.map((h) => h.id).slice(0, 2)).toEqual([exact.id, longer.id]);
    expect(own(hits, t)).toEqual([exact.id, longer.id]);
    expect(await search(token, `kremlin${t}`, "&type=person")).toEqual([]);
  });

  it("does not find merged or deleted entities", async () => {
    const token = await editorToken();
    const t = tag();
    const a = await createEntity(token, { type: "person", name: `Zelensky${t}` });
    const b = await createEntity(token, { type: "person", name: `Zelenskyy${t}`, confirmDuplicate: true });
    const gone = await createEntity(token, { type: "person", name: `Zelenskiy${t}` });
    await callRoute(mergeRoute, { method: "POST", token, params: { id: a.id }, body: { into: b.id } });
    expect((await callRoute(deleteRoute, { method: "DELETE", token, params: { id: gone.id } })).status).toBe(204);
    const hits = await search(token, `zelensk`);
    expect(hits.map((h) => h.id)).toContain(b.id);
    expect(hits.map((h) => h.id)).not.toContain(a.id);
    expect(hits.map((h) => h.id)).not.toContain(gone.id);
  });
});

describe("creating and editing entities", () => {
  it("refuses a second entity with the same name and type, naming the existing one, unless confirmed", async () => {
    const token = await editorToken();
    const t = tag();
    const first = await createEntity(token, { type: "person", name: `Yuri Ushakov${t}` });
    const again = await callRoute(createRoute, { method: "POST", token, body: { type: "PERSON", name: `  yuri  ushakov${t} ` } });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("conflict");
    expect(again.json.existing).toMatchObject({ id: first.id, name: `Yuri Ushakov${t}` });
    expect(await db.entity.count({ where: { normalizedName: `yuri ushakov${t}` } })).toBe(1);

    const otherType = await callRoute(createRoute, { method: "POST", token, body: { type: "organization", name: `Yuri Ushakov${t}` } });
    expect(otherType.status).toBe(201);
    const confirmed = await callRoute(createRoute, { method: "POST", token, body: { type: "person", name: `Yuri Ushakov${t}`, confirmDuplicate: true } });
    expect(confirmed.status).toBe(201);
  });

  it("sees through invisible characters and look-alike letters, and refuses text-direction controls", async () => {
    const token = await editorToken();
    const t = tag();
    const acme = await createEntity(token, { type: "organization", name: `Acme Relief ${t}`, aliases: [`Acme Fund ${t}`] });

    // A zero-width space is removed: the name is Acme's own.
    const zeroWidth = await callRoute(createRoute, { method: "POST", token, body: { type: "organization", name: `Ac\u200Bme Relief ${t}` } });
    expect(zeroWidth.status).toBe(409);
    expect(zeroWidth.json.existing).toMatchObject({ id: acme.id });

    // Cyrillic "А" and "с" inside a Latin word, and a name spelled wholly in Cyrillic look-alikes.
    for (const name of [`\u0410\u0441me Relief ${t}`, `\u0410\u0421\u041C\u0415 Relief ${t}`]) {
      const spoof = await callRoute(createRoute, { method: "POST", token, body: { type: "organization", name } });
      expect(spoof.status, name).toBe(409);
      expect(spoof.json).toMatchObject({ code: "conflict", existing: { id: acme.id }, likelyDuplicate: true });
    }

    for (const body of [
      { type: "organization", name: `Acme Relief ${t}\u202E` },
      { type: "organization", name: `Other ${t}`, aliases: [`\u2066Other${t}\u2069`] },
    ]) {
      const refused = await callRoute(createRoute, { method: "POST", token, body });
      expect(refused.status).toBe(422);
      expect(refused.json.code).toBe("validation");
      // The refusal names the field but not the rule; the message tells the user what to remove.
      expect(refused.json.error).toMatch(/text-direction control/);
    }
    const renamed = await callRoute(patchRoute, {
      method: "PATCH",
      token,
      params: { id: acme.id },
      body: { version: acme.version, name: `Acme\u202E Relief ${t}` },
    });
    expect(renamed.status).toBe(422);

    // Full-width letters and invisible characters are not stored.
    const clean = await createEntity(token, { type: "person", name: `\uFF2Aane\u00AD Doe ${t}` });
    expect(clean.name).toBe(`Jane Doe ${t}`);
    expect(await db.entity.count({ where: { normalizedName: `acme relief ${t}` } })).toBe(1);
  });

  it("rejects bad input with the field named", async () => {
    const token = await editorToken();
    const response = await callRoute(createRoute, { method: "POST", token, body: { type: "planet", name: "" } });
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: "validation", issues: expect.arrayContaining([expect.objectContaining({ path: "type" })]) });
  });

  it("updates from the current version and answers 409 with the current state when stale", async () => {
    const token = await editorToken();
    const t = tag();
    const entity = await createEntity(token, { type: "person", name: `Dmitry Peskov${t}`, aliases: [`Peskov${t}`] });
    const first = await callRoute(patchRoute, {
      method: "PATCH",
      token,
      params: { id: entity.id },
      body: { version: entity.version, description: "Kremlin spokesman", externalId: "Q4157869", aliases: [`Peskov${t}`, `Dmitri Peskov${t}`] },
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ description: "Kremlin spokesman", externalId: "Q4157869", version: entity.version + 1 });
    expect(first.json.aliases.map((a: { alias: string }) => a.alias).sort()).toEqual([`Dmitri Peskov${t}`, `Peskov${t}`]);

    const stale = await callRoute(patchRoute, {
      method: "PATCH",
      token,
      params: { id: entity.id },
      body: { version: entity.version, description: "old view" },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.current).toMatchObject({ description: "Kremlin spokesman", version: entity.version + 1 });
  });

  it("lets analysts read but not write", async () => {
    const analyst = await makeToken(await makeUser("ANALYST"));
    expect((await callRoute(searchRoute, { token: analyst, url: "/api/entities?q=a" })).status).toBe(200);
    expect((await callRoute(createRoute, { method: "POST", token: analyst, body: { type: "person", name: "Nobody" } })).status).toBe(403);
  });

  it("deletes only an entity nothing links to", async () => {
    const editor = await makeUser("EDITOR");
    const token = await makeToken(editor);
    const t = tag();
    const entity = await createEntity(token, { type: "person", name: `Marco Rubio${t}` });
    const article = await makeArticle(editor, { text: `Marco Rubio${t} flew to Istanbul.` });
    const annotation = await makeAnnotation(editor, article, `Marco Rubio${t}`);
    await callRoute(createLinkRoute, {
      method: "POST",
      token,
      body: { annotationId: annotation.id, targetType: "entity", targetId: entity.id, relation: "mentions" },
    });
    const refused = await callRoute(deleteRoute, { method: "DELETE", token, params: { id: entity.id } });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: "conflict", usage: expect.objectContaining({ links: 1 }) });
    expect((await callRoute(getEntityRoute, { token, params: { id: entity.id } })).status).toBe(200);
  });
});

describe("merge and undo", () => {
  async function scenario() {
    const editor = await makeUser("EDITOR");
    const token = await makeToken(editor);
    const t = tag();
    const source = await createEntity(token, { type: "person", name: `Sergey Lavrov${t}`, aliases: [`S. Lavrov${t}`, `Lavrov${t}`] });
    const target = await createEntity(token, { type: "person", name: `Sergei Lavrov${t}`, aliases: [`Lavrov${t}`], confirmDuplicate: true });
    const place = await createEntity(token, { type: "place", name: `Istanbul${t}` });
    const article = await makeArticle(editor, { text: `Sergey Lavrov${t} met Rubio in Istanbul${t}. Lavrov${t} said little.` });
    const annotation = await makeAnnotation(editor, article, `Sergey Lavrov${t}`);
    const link = await callRoute(createLinkRoute, {
      method: "POST",
      token,
      body: { annotationId: annotation.id, targetType: "entity", targetId: source.id, relation: "mentions" },
    });
    expect(link.status).toBe(201);
    const event = await db.event.create({
      data: { type: "MEETING", title: `Talks${t}`, placeId: place.id, participants: { create: [{ entityId: source.id, role: "delegation head" }] } },
    });
    const claim = await db.claim.create({
      data: { annotationId: annotation.id, entityId: source.id, attribute: "statement", valueType: "TEXT", value: "said little" },
    });
    return { editor, token, t, source, target, annotation, linkId: link.json.id as string, event, claimId: claim.id };
  }

  it("moves aliases, links, participations and claims to the target and back on undo", async () => {
    const { token, t, source, target, linkId, event, claimId } = await scenario();
    const aliasesBefore = await db.entityAlias.findMany({ where: { entityId: { in: [source.id, target.id] } }, orderBy: { id: "asc" } });

    const merged = await callRoute(mergeRoute, { method: "POST", token, params: { id: source.id }, body: { into: target.id } });
    expect(merged.status).toBe(200);
    const targetAliases = merged.json.target.aliases.map((a: { alias: string }) => a.alias).sort();
    expect(targetAliases).toEqual([`Lavrov${t}`, `S. Lavrov${t}`, `Sergey Lavrov${t}`].sort());
    expect((await db.link.findUniqueOrThrow({ where: { id: linkId } })).entityId).toBe(target.id);
    expect((await db.eventParticipant.findFirstOrThrow({ where: { eventId: event.id } })).entityId).toBe(target.id);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).entityId).toBe(target.id);
    const record = await db.entityMerge.findUniqueOrThrow({ where: { id: merged.json.mergeId } });
    expect(record).toMatchObject({ sourceId: source.id, targetId: target.id, undoneAt: null });

    const page = await callRoute(getEntityRoute, { token, params: { id: target.id } });
    expect(page.json.passages[0].passages[0].exact).toBe(`Sergey Lavrov${t}`);
    const sourcePage = await callRoute(getEntityRoute, { token, params: { id: source.id } });
    expect(sourcePage.json.entity.mergedInto).toMatchObject({ id: target.id });

    const undone = await callRoute(undoRoute, { method: "POST", token, params: { id: merged.json.mergeId } });
    expect(undone.status).toBe(200);
    const aliasesAfter = await db.entityAlias.findMany({ where: { entityId: { in: [source.id, target.id] } }, orderBy: { id: "asc" } });
    const shape = (rows: typeof aliasesBefore) => rows.map((a) => `${a.entityId}:${a.alias}`).sort();
    expect(shape(aliasesAfter)).toEqual(shape(aliasesBefore));
    expect((await db.link.findUniqueOrThrow({ where: { id: linkId } })).entityId).toBe(source.id);
    expect((await db.eventParticipant.findFirstOrThrow({ where: { eventId: event.id } })).entityId).toBe(source.id);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).entityId).toBe(source.id);
    expect((await db.entity.findUniqueOrThrow({ where: { id: source.id } })).mergedIntoId).toBeNull();
    expect((await db.entityMerge.findUniqueOrThrow({ where: { id: merged.json.mergeId } })).undoneAt).not.toBeNull();

    const twice = await callRoute(undoRoute, { method: "POST", token, params: { id: merged.json.mergeId } });
    expect(twice.status).toBe(409);
  });

  it("restores a participation dropped because the target already had it", async () => {
    const { token, source, target, event } = await scenario();
    await db.eventParticipant.create({ data: { eventId: event.id, entityId: target.id, role: "delegation head" } });
    const merged = await callRoute(mergeRoute, { method: "POST", token, params: { id: source.id }, body: { into: target.id } });
    expect(await db.eventParticipant.count({ where: { eventId: event.id } })).toBe(1);
    await callRoute(undoRoute, { method: "POST", token, params: { id: merged.json.mergeId } });
    const participants = await db.eventParticipant.findMany({ where: { eventId: event.id } });
    expect(participants.map((p) => p.entityId).sort()).toEqual([source.id, target.id].sort());
  });

  it("refuses to merge an entity into itself or into nothing, and changes nothing", async () => {
    const { token, source, linkId } = await scenario();
    const self = await callRoute(mergeRoute, { method: "POST", token, params: { id: source.id }, body: { into: source.id } });
    expect(self.status).toBe(422);
    expect(self.json.code).toBe("validation");
    // Every refusal of the target shares the code and the field; the message says which one.
    expect(self.json.error).toMatch(/itself/);
    const missing = await callRoute(mergeRoute, { method: "POST", token, params: { id: source.id }, body: { into: "no-such-entity" } });
    expect(missing.status).toBe(422);
    expect((await db.link.findUniqueOrThrow({ where: { id: linkId } })).entityId).toBe(source.id);
    expect(await db.entityMerge.count({ where: { sourceId: source.id } })).toBe(0);
  });

  it("refuses a link to the merged entity, pointing to the one it was merged into", async () => {
    const { token, source, target, annotation } = await scenario();
    await callRoute(mergeRoute, { method: "POST", token, params: { id: source.id }, body: { into: target.id } });
    const response = await callRoute(createLinkRoute, {
      method: "POST",
      token,
      body: { annotationId: annotation.id, targetType: "entity", targetId: source.id, relation: "quotes" },
    });
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: "validation", mergedInto: { id: target.id } });
  });
});

describe("suggested duplicates", () => {
  it("pairs similar names and shared aliases and remembers the editor's verdict", async () => {
    const token = await editorToken();
    const t = tag();
    const a = await createEntity(token, { type: "person", name: `Yuri Ushakov${t}` });
    const b = await createEntity(token, { type: "person", name: `Yuriy Ushakov${t}` });
    const c = await createEntity(token, { type: "person", name: `Jack Smith${t}`, aliases: [`The Envoy${t}`] });
    const d = await createEntity(token, { type: "person", name: `Steve Witkoff${t}`, aliases: [`The Envoy${t}`] });

    const listed = await callRoute(getDuplicates, { token, url: `/api/entities/duplicates?entityId=${a.id}` });
    expect(listed.json.candidates).toHaveLength(1);
    expect(listed.json.candidates[0]).toMatchObject({ reason: "similar name", verdict: null });
    const shared = await callRoute(getDuplicates, { token, url: `/api/entities/duplicates?entityId=${c.id}` });
    expect(shared.json.candidates[0]).toMatchObject({ reason: "shared alias" });
    expect([shared.json.candidates[0].a.id, shared.json.candidates[0].b.id].sort()).toEqual([c.id, d.id].sort());

    const judged = await callRoute(judgePair, { method: "POST", token, body: { entityAId: b.id, entityBId: a.id, verdict: "different" } });
    expect(judged.status).toBe(200);
    const hidden = await callRoute(getDuplicates, { token, url: `/api/entities/duplicates?entityId=${a.id}` });
    expect(hidden.json.candidates).toHaveLength(0);
    const all = await callRoute(getDuplicates, { token, url: `/api/entities/duplicates?entityId=${a.id}&all=1` });
    expect(all.json.candidates[0].verdict).toBe("DIFFERENT");

    await callRoute(judgePair, { method: "POST", token, body: { entityAId: a.id, entityBId: b.id, verdict: "not_sure" } });
    const unsure = await callRoute(getDuplicates, { token, url: `/api/entities/duplicates?entityId=${a.id}` });
    expect(unsure.json.candidates[0].verdict).toBe("NOT_SURE");
    expect(await db.duplicateJudgement.count({ where: { OR: [{ entityAId: a.id }, { entityBId: a.id }] } })).toBe(1);
  });
});
