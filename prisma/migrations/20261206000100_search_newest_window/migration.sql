-- Full-text search ranks the newest matches of a query. For a word in nearly every article, the
-- full-text index alone gave every match (99,406 at 100,000 articles), whose table pages were then
-- all read to sort them by date (9,737 buffers, a cost linear in the corpus). With the revision's
-- date in the same GIN index (btree_gin, a trusted contrib extension that PostgreSQL ships and the
-- embedded PGlite loads), the search first asks for the matches among the newest revisions only,
-- and the index returns just those (2,482 rows for that word): lib/articles/queries.ts. The index
-- replaces the single-column one, which it serves as well, so an import writes one GIN index, not two.
CREATE EXTENSION IF NOT EXISTS btree_gin;

DROP INDEX "ArticleRevision_searchVector_idx";

CREATE INDEX "ArticleRevision_search_recent_idx" ON "ArticleRevision" USING GIN ("searchVector", "createdAt")
  WITH (gin_pending_list_limit = 256);
