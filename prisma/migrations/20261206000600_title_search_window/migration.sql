-- The title side of full-text search looks for its newest matches among the newest articles first,
-- as the text side does (migration 20261206000100_search_newest_window, lib/articles/queries.ts).
-- With the article's date in the title index (btree_gin), the index returns only the matches in that
-- window; without it every match of a word in titles was read from the table (4,106 rows, 2,789
-- pages cold, for "energy supplies" at 100,000 articles) to keep the newest 250. The index keeps
-- its name and replaces the single-column one, which it serves as well.
DROP INDEX "Article_search_idx";

CREATE INDEX "Article_search_idx" ON "Article"
  USING GIN (to_tsvector('simple', coalesce("title", '') || ' ' || coalesce("outlet", '')), "createdAt");
