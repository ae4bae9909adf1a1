-- Default annotation kinds. "claim" and "mention" are built in: contradictions and entity
-- linking depend on them, so they cannot be deactivated. Admins may relabel or add kinds.
INSERT INTO "AnnotationKind" ("key", "label", "position", "active", "builtIn") VALUES
    ('claim', 'Claim', 10, true, true),
    ('quote', 'Quote', 20, true, false),
    ('fact', 'Fact', 30, true, false),
    ('opinion', 'Opinion', 40, true, false),
    ('question', 'Question', 50, true, false),
    ('note', 'Note', 60, true, false),
    ('mention', 'Mention', 70, true, true)
ON CONFLICT ("key") DO NOTHING;
