-- Re-anchoring can send an approved annotation back to review (its words were found only in other
-- surroundings); that history entry has no person behind it.
ALTER TABLE "AnnotationReview" ALTER COLUMN "actorId" DROP NOT NULL;
