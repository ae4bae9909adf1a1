-- An extraction's claims and passage targets get a column of their own: a regrouping reads the
-- mentions of a block of up to 500 articles (lib/proposals/refresh.ts) but proposes the claims and
-- passages of the few its groups hold, and the claims and targets were more than half of every
-- row's JSON (about 13 of 23 KB for a 10 KB article). Rows of format 3 (the text inside `data`)
-- become format 4 (lib/proposals/stored-extraction.ts); older formats keep theirs in `data`.
ALTER TABLE "ArticleExtraction" ADD COLUMN IF NOT EXISTS "passages" TEXT;

UPDATE "ArticleExtraction"
SET "passages" = "data"::jsonb->>'passages',
    "data" = (("data"::jsonb - 'passages') || '{"format": 4}'::jsonb)::text
WHERE "data"::jsonb->>'format' = '3';

DO $$
BEGIN
  ALTER TABLE "ArticleExtraction" ALTER COLUMN "passages" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 compression is not available here; the passages column keeps pglz.';
END $$;
