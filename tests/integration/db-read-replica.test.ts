import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as articlesRoute from "@/app/api/articles/route";
import * as entitiesRoute from "@/app/api/entities/route";
import { disconnectDb } from "@/lib/db";
import { callRoute } from "../support/api";
import { makeToken, makeUser } from "../support/fixtures";

// A hot standby refuses every write; here a role with read-only rights on the test database
// plays it. Roles belong to a PostgreSQL server, so this runs when the tests have one (CI does).
describe.runIf(!inject("embeddedDatabase"))("read-only queries on DATABASE_READ_URL", () => {
  const role = `concord_reader_${randomBytes(4).toString("hex")}`;
  let admin: pg.Client;

  const readerSessions = async () =>
    (await admin.query<{ query: string }>("SELECT query FROM pg_stat_activity WHERE usename = $1 AND datname = current_database()", [role])).rows.map(
      (r) => r.query,
    );

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(`ALTER ROLE ${role} SET default_transaction_read_only = on`);
    const { rows } = await admin.query<{ db: string }>("SELECT current_database() AS db");
    await admin.query(`GRANT CONNECT ON DATABASE "${rows[0]!.db}" TO ${role}`);
    await admin.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
    const readUrl = new URL(process.env.DATABASE_URL!);
    readUrl.username = role;
    readUrl.password = "";
    await disconnectDb();
    process.env.DATABASE_READ_URL = readUrl.toString();
  });

  afterAll(async () => {
    await disconnectDb();
    delete process.env.DATABASE_READ_URL;
    await admin.query(`DROP OWNED BY ${role}`);
    await admin.query(`DROP ROLE ${role}`);
    await admin.end();
  });

  it("searches and lists through the replica connection while writes go to DATABASE_URL", async () => {
    const editor = await makeToken(await makeUser("EDITOR"));
    const word = `replica${randomBytes(4).toString("hex")}`;
    // Writes: through DATABASE_URL (the reader role could not make them).
    const imported = await callRoute(articlesRoute.POST, {
      method: "POST",
      token: editor,
      body: { text: `Ferry timetable ${word}\n\nThe ${word} ferry runs twice a day from the old harbour.` },
    });
    expect(imported.status).toBe(201);
    const entity = await callRoute(entitiesRoute.POST, { method: "POST", token: editor, body: { type: "place", name: `Harbour ${word}` } });
    expect(entity.status).toBe(201);

    // Reads: search, the article list and entity search answer from the reader's connection.
    const found = await callRoute(articlesRoute.GET, { token: editor, url: `/api/articles?q=${word}` });
    expect(found.json.items.map((item: { id: string }) => item.id)).toEqual([imported.json.id]);
    const listed = await callRoute(articlesRoute.GET, { token: editor, url: "/api/articles" });
    expect(listed.json.items.map((item: { id: string }) => item.id)).toContain(imported.json.id);
    const entities = await callRoute(entitiesRoute.GET, { token: editor, url: `/api/entities?q=${encodeURIComponent(`harbour ${word}`)}` });
    expect(entities.json.entities.map((e: { id: string }) => e.id)).toEqual([entity.json.id]);
    expect((await readerSessions()).length).toBeGreaterThan(0);

    // Proof that they used it: once the replica refuses to read articles and entities, they fail,
    // while writes (on DATABASE_URL) still succeed.
    await admin.query(`REVOKE SELECT ON "Article", "Entity" FROM ${role}`);
    expect((await callRoute(articlesRoute.GET, { token: editor, url: `/api/articles?q=${word}` })).status).toBe(500);
    expect((await callRoute(articlesRoute.GET, { token: editor, url: "/api/articles" })).status).toBe(500);
    expect((await callRoute(entitiesRoute.GET, { token: editor, url: `/api/entities?q=harbour` })).status).toBe(500);
    const another = await callRoute(articlesRoute.POST, {
      method: "POST",
      token: editor,
      body: { text: `Ferry fares ${word}\n\nFares on the ${word} ferry rise in spring.` },
    });
    expect(another.status).toBe(201);

    // The reader connection really is read-only: what passed through it wrote nothing.
    const reader = new pg.Client({ connectionString: process.env.DATABASE_READ_URL });
    await reader.connect();
    await expect(reader.query(`UPDATE "Article" SET "title" = 'x' WHERE "id" = $1`, [imported.json.id])).rejects.toThrow(/read-only/);
    await reader.end();
  });
});
