-- Entity mentions accepted from suggestions are links, not statements: they stay out of the review
-- queue and the citation picker until an editor sends one for review.
ALTER TABLE "Annotation" ADD COLUMN "linkOnly" BOOLEAN NOT NULL DEFAULT false;

-- Mentions already accepted from suggestions and still unreviewed become links, unless a briefing cites them.
UPDATE "Annotation" a SET "linkOnly" = true
FROM "MentionSuggestion" s
WHERE s."annotationId" = a."id" AND a."kind" = 'mention' AND a."status" = 'PENDING'
  AND NOT EXISTS (SELECT 1 FROM "Briefing" b WHERE b."body"::text LIKE '%' || a."id" || '%');
