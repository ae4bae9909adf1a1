-- Mention suggestions keep the entity registry's matcher while the registry is unchanged. Knowing
-- that used to cost a count and a sum over every entity on each refresh (50,000 entities: a scan per
-- article). One row, bumped by any statement that writes entities or aliases, answers it in one read.
-- The bump is transactional: a reader never sees the number of a change that has not committed.
CREATE TABLE "RegistryVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "RegistryVersion_pkey" PRIMARY KEY ("id")
);

INSERT INTO "RegistryVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION concord_bump_registry_version() RETURNS trigger AS $$
BEGIN
  UPDATE "RegistryVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Entity_registry_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Entity"
  FOR EACH STATEMENT EXECUTE FUNCTION concord_bump_registry_version();

CREATE TRIGGER "EntityAlias_registry_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "EntityAlias"
  FOR EACH STATEMENT EXECUTE FUNCTION concord_bump_registry_version();
