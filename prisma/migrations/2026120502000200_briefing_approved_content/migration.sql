-- What a briefing's page showed from the workspace (names, titles, sources, quoted passages) when
-- an analyst approved it. Briefings approved before have none and must be approved again to publish.
ALTER TABLE "Briefing" ADD COLUMN "approvedContent" JSONB;
