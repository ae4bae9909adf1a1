-- Names and aliases containing a word spelled like `key` ("lavrow" finds "Lavrov"), with their
-- pg_trgm word similarity, through the trigram indexes of migration 20261204005000. A word counts
-- from a similarity of 0.5 (pg_trgm's default, 0.6, misses one wrong letter in an eight-letter
-- name). The function sets that threshold for its own call: entity search
-- (lib/entities/queries.ts) runs as one statement, where setting it for a transaction took four
-- round trips to the database on every search.
CREATE FUNCTION entity_spellings_alike(key text)
RETURNS TABLE ("entityId" text, "matched" text, "score" real)
LANGUAGE sql STABLE
SET pg_trgm.word_similarity_threshold = 0.5
AS $$
  SELECT "id", "name", word_similarity(key, "normalizedName") FROM "Entity" WHERE key <% "normalizedName"
  UNION ALL
  SELECT "entityId", "alias", word_similarity(key, "normalized") FROM "EntityAlias" WHERE key <% "normalized"
$$;
