-- A stored extraction is only ever read whole, as the JSON text the worker thread parses
-- (lib/proposals/refresh.ts, readRows), and no statement reads into it: kept as jsonb, every read
-- cast it back to text, 134–187 ms of a regrouping's block of 500 extractions (some 11.6 MB)
-- against 59–65 ms reading a text column. New rows store the worker thread's JSON as it wrote it.
-- Packed extractions of format 2 become format 3 on the way (lib/proposals/stored-extraction.ts):
-- their claims and targets kept as JSON text, which a regrouping parses only for the articles its
-- groups hold.
ALTER TABLE "ArticleExtraction" ALTER COLUMN "data" TYPE TEXT USING (
  CASE WHEN "data"->>'format' = '2'
    THEN ("data" - 'claims' - 'targets'
          || jsonb_build_object('format', 3, 'passages', jsonb_build_object('claims', "data"->'claims', 'targets', "data"->'targets')::text))::text
    ELSE "data"::text
  END);
