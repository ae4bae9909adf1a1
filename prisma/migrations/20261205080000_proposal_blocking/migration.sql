-- A regrouping reads only the extractions whose mentions may be one happening with the refreshed
-- ones (lib/proposals/group.ts, groupAround): dated mentions by the days their happening may lie
-- on ("dateFrom"–"dateTo" now span every mention's period: a month-precise date its whole month,
-- a date only given as the report's the week before it), undated ones by the day their article
-- was published ("undatedOn", null when every mention is dated). An article with no date and a
-- mention with none has no days: its mentions may be one happening with any, found by participant.
ALTER TABLE "ArticleExtraction" ADD COLUMN "undatedOn" DATE;

-- The registry persons an extraction's mentions are found by (lib/proposals/group.ts,
-- personKeysOf): mentions naming two or more persons are one happening only with mentions sharing
-- two of them, so they are found by pairs ("<key> <key>"), those naming one person by that
-- person. A loose mention (a person by name only, or none) may be one happening with any; rows
-- stored before count as loose until read again.
ALTER TABLE "ArticleExtraction" ADD COLUMN "looseMention" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "ArticleExtraction" ADD COLUMN "soloPersons" TEXT[];
ALTER TABLE "ArticleExtraction" ADD COLUMN "personPairs" TEXT[];

UPDATE "ArticleExtraction" AS x SET
  "dateFrom" = CASE WHEN k."published" IS NULL AND k."undated" THEN NULL ELSE LEAST(k."published", k."first") END,
  "dateTo" = CASE WHEN k."published" IS NULL AND k."undated" THEN NULL ELSE GREATEST(k."published", k."last") END,
  "undatedOn" = CASE WHEN k."undated" THEN k."published" END
FROM (
  SELECT e."articleId", (e."data"->>'publishedAt')::date AS "published",
         min(p."first") AS "first", max(p."last") AS "last", coalesce(bool_or(p."mention" AND p."first" IS NULL), false) AS "undated"
  FROM "ArticleExtraction" e
  LEFT JOIN LATERAL (
    SELECT true AS "mention",
           CASE WHEN d."precision" = 'year' THEN make_date(left(d."localDate", 4)::int, 1, 1)
                WHEN d."precision" = 'month' THEN (left(d."localDate", 7) || '-01')::date
                ELSE left(d."localDate", 10)::date END
             - CASE WHEN d."source" = 'reported' THEN 7 ELSE 0 END AS "first",
           CASE WHEN d."precision" = 'year' THEN make_date(left(d."localDate", 4)::int, 12, 31)
                WHEN d."precision" = 'month' THEN ((left(d."localDate", 7) || '-01')::date + interval '1 month' - interval '1 day')::date
                ELSE left(d."localDate", 10)::date END AS "last"
    FROM jsonb_array_elements(e."data"->'mentions') AS m("value"),
         LATERAL (SELECT m."value"->'date'->>'localDate' AS "localDate",
                         CASE WHEN m."value"->'date'->>'localDate' IS NULL THEN NULL ELSE m."value"->'date'->>'precision' END AS "precision",
                         m."value"->'date'->>'source' AS "source") AS d
  ) p ON true
  GROUP BY e."articleId", e."data"->>'publishedAt'
) k
WHERE x."articleId" = k."articleId";

-- Periods that overlap the days a regrouping reaches, found by the index (a B-tree on "dateFrom"
-- would read every earlier row). Articles with no date at all are read by participant instead.
CREATE INDEX "ArticleExtraction_days_idx" ON "ArticleExtraction" USING GIST (daterange("dateFrom", "dateTo", '[]')) WHERE "dateFrom" IS NOT NULL;

CREATE INDEX "ArticleExtraction_undatedOn_idx" ON "ArticleExtraction"("undatedOn");

CREATE INDEX "ArticleExtraction_soloPersons_idx" ON "ArticleExtraction" USING GIN ("soloPersons");

CREATE INDEX "ArticleExtraction_personPairs_idx" ON "ArticleExtraction" USING GIN ("personPairs");
