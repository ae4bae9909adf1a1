-- Entity search finds a word inside a name ("lavrov" in "sergei lavrov") and forgives misspellings
-- ("lavrow") through trigram indexes. pg_trgm is a trusted contrib extension: PostgreSQL ships it,
-- and the embedded PGlite loads it (lib/db/embedded.ts). Without these indexes the word search read
-- every name and alias (npm run bench, --scale 100000: 50,000 entities, 83,000 aliases).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Entity_normalizedName_trgm_idx" ON "Entity" USING GIN ("normalizedName" gin_trgm_ops);

CREATE INDEX "EntityAlias_normalized_trgm_idx" ON "EntityAlias" USING GIN ("normalized" gin_trgm_ops);

-- The review queue reads pending annotations oldest first: its page, its bounded count and the
-- articles offered by its filter. A partial index holding only them (half the annotations), with the
-- article id beside each, answers all three from the index alone.
CREATE INDEX "Annotation_pending_queue_idx" ON "Annotation" ("createdAt", "id") INCLUDE ("articleId") WHERE "status" = 'PENDING' AND "deletedAt" IS NULL;
