import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { schemaSqlFromEmpty } from "@/lib/db/schema-sql";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch";

// Objects the migrations add that schema.prisma cannot express (see 20261121000100_integrity_and_search
// the trigram indexes of 20261204005000_entity_trigram_search, the partial review-queue indexes of
// 20261205090000_review_queue_keyset, the inbox's of 20261206000000_inbox_changes_requested and the
// search's of 20261206000100_search_newest_window).
const UNMODELED_INDEXES = [
  "Article_search_idx",
  "EntityAlias_normalized_prefix_idx",
  "Entity_normalizedName_prefix_idx",
  "Entity_normalizedName_trgm_idx",
  "EntityAlias_normalized_trgm_idx",
  "Annotation_review_queue_idx",
  "Annotation_review_queue_author_idx",
  "Annotation_changes_requested_idx",
  "ArticleRevision_search_recent_idx",
  "ArticleExtraction_days_idx",
];
const UNMODELED_TRIGGERS = [
  "AuditLog_append_only",
  "AuditLog_no_truncate",
  "BriefingVersion_immutable",
  "Entity_registry_version",
  "EntityAlias_registry_version",
];

/** The parts of a schema that Prisma models, as sorted text lines that can be compared. */
async function describeSchema(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const lines = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((r) => r.line).sort();
  try {
    return {
      columns: await lines(`
        SELECT table_name || '.' || column_name || ' ' || data_type || '/' || udt_name || ' null=' || is_nullable || ' default=' || coalesce(column_default, '') AS line
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      constraints: await lines(`
        SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS line
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE k.connamespace = 'public'::regnamespace AND c.relname <> '_prisma_migrations'`),
      indexes: await lines(`
        -- Storage parameters (20261121000400_search_pending_list) are tuning Prisma cannot express.
        SELECT regexp_replace(indexdef, ' WITH \\(.*\\)$', '') AS line FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
          AND indexname NOT IN (${UNMODELED_INDEXES.map((n) => `'${n}'`).join(", ")})`),
      enums: await lines(`
        SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`),
      triggers: await lines(`
        SELECT tgname AS line FROM pg_trigger
        WHERE NOT tgisinternal AND tgname NOT IN (${UNMODELED_TRIGGERS.map((n) => `'${n}'`).join(", ")})`),
    };
  } finally {
    await client.end();
  }
}

describe("schema.prisma and prisma/migrations", () => {
  let fromMigrations: ScratchDatabase;
  let fromSchema: ScratchDatabase;

  beforeAll(async () => {
    [fromMigrations, fromSchema] = await Promise.all([createScratchDatabase("concord_sync_a"), createScratchDatabase("concord_sync_b")]);
  });
  afterAll(async () => {
    await Promise.all([fromMigrations?.drop(), fromSchema?.drop()]);
  });

  it("describe the same database", async () => {
    await migrate(fromMigrations.url);
    const sql = await schemaSqlFromEmpty(fromSchema.url);
    expect(sql).toContain('CREATE TABLE "Annotation"');
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    const [expected, actual] = await Promise.all([describeSchema(fromSchema.url), describeSchema(fromMigrations.url)]);
    expect(actual.columns.length).toBeGreaterThan(100);
    expect(actual).toEqual(expected);
  }, 120_000);
});
