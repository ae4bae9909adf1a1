-- The extraction rules' version that read each stored extraction; those stored before are 0, so
-- the workers read them again with the current rules (lib/proposals/rules-version.ts).
ALTER TABLE "ArticleExtraction" ADD COLUMN "rulesVersion" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "ArticleExtraction_rulesVersion_idx" ON "ArticleExtraction"("rulesVersion");
