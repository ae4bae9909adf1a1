-- Full-text search ranks every hit by its text. Computing to_tsvector over each hit's text on
-- every query took seconds once a word occurred in thousands of articles (npm run bench); the
-- vector is now stored with the revision and indexed, and the expression index it replaces goes.
ALTER TABLE "ArticleRevision" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED;

CREATE INDEX "ArticleRevision_searchVector_idx" ON "ArticleRevision" USING GIN ("searchVector");

DROP INDEX "ArticleRevision_text_search_idx";
