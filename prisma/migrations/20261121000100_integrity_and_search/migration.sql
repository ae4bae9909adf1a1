-- What schema.prisma cannot express. tests/integration/schema-sync.test.ts lists these
-- objects by name as the only allowed differences from the Prisma schema.

-- The audit log is append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION concord_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_change();

-- TRUNCATE bypasses row triggers; refuse it too.
CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION concord_refuse_change();

-- Published briefing versions are immutable.
CREATE TRIGGER "BriefingVersion_immutable"
  BEFORE UPDATE OR DELETE ON "BriefingVersion"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_change();

-- Full-text search over article metadata and revision text.
CREATE INDEX "Article_search_idx" ON "Article"
  USING GIN (to_tsvector('simple', coalesce("title", '') || ' ' || coalesce("outlet", '')));

CREATE INDEX "ArticleRevision_text_search_idx" ON "ArticleRevision"
  USING GIN (to_tsvector('english', "text"));

-- Alias search by prefix (search-as-you-type).
CREATE INDEX "EntityAlias_normalized_prefix_idx" ON "EntityAlias" ("normalized" text_pattern_ops);
CREATE INDEX "Entity_normalizedName_prefix_idx" ON "Entity" ("normalizedName" text_pattern_ops);
