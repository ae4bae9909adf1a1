-- Right after a bulk import, the full-text index's pending list (up to 4 MB by default) holds the
-- new articles' words until autovacuum merges them in; while it is long, the planner gives up the
-- index and reads every revision: a search for a rare name took 50–140 ms instead of 5 ms (npm run
-- bench). A short pending list is merged during the imports themselves, a little at a time.
ALTER INDEX "ArticleRevision_searchVector_idx" SET (gin_pending_list_limit = 256);
