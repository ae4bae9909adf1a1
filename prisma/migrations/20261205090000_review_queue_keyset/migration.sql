-- The review queue is paged by keyset ((createdAt, id) after the last one listed) and filtered by
-- article, author and kind. Its partial index left out "linkOnly" (added later, 20261205050001), so
-- the queue's own condition could not be answered from it: the planner read the table instead (a
-- sequential scan for the bounded count, 1,441 buffers at 10,000 articles; the author filter read
-- every annotation of a user without pending ones). These two hold exactly the queue's rows: one in
-- its order, covering the filters, one by author for the author filter and its list of authors.
CREATE INDEX "Annotation_review_queue_idx" ON "Annotation" ("createdAt", "id") INCLUDE ("articleId", "authorId", "kind")
  WHERE "status" = 'PENDING' AND "deletedAt" IS NULL AND NOT "linkOnly";

CREATE INDEX "Annotation_review_queue_author_idx" ON "Annotation" ("authorId", "createdAt", "id")
  WHERE "status" = 'PENDING' AND "deletedAt" IS NULL AND NOT "linkOnly";

DROP INDEX "Annotation_pending_queue_idx";
