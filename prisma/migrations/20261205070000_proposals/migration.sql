-- Proposals (lib/proposals): stored article extractions, event and claim proposals, contradiction candidates.
CREATE TYPE "ProposalStatus" AS ENUM ('OPEN', 'ACCEPTED', 'DISMISSED', 'WITHDRAWN');

CREATE TYPE "CandidateStatus" AS ENUM ('SUGGESTED', 'CONFIRMED', 'DISMISSED', 'WITHDRAWN');

CREATE TABLE "ArticleExtraction" (
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "dateFrom" DATE,
    "dateTo" DATE,
    "participantKeys" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleExtraction_pkey" PRIMARY KEY ("articleId")
);

CREATE TABLE "EventProposal" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'OPEN',
    "eventType" "EventType" NOT NULL,
    "title" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "eventId" TEXT,
    "date" DATE,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventProposal_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EventProposalMention" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "planned" BOOLEAN NOT NULL DEFAULT false,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "EventProposalMention_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ClaimProposal" (
    "id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'OPEN',
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "eventProposalId" TEXT,
    "eventId" TEXT,
    "attribute" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "label" TEXT NOT NULL,
    "speaker" JSONB,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "annotationId" TEXT,
    "claimId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClaimProposal_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ContradictionCandidate" (
    "id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" "CandidateStatus" NOT NULL DEFAULT 'SUGGESTED',
    "attribute" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "eventProposalId" TEXT,
    "eventId" TEXT,
    "sideA" JSONB NOT NULL,
    "sideB" JSONB NOT NULL,
    "articleIds" TEXT[],
    "contradictionId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContradictionCandidate_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ArticleExtraction_dateFrom_dateTo_idx" ON "ArticleExtraction"("dateFrom", "dateTo");

CREATE INDEX "ArticleExtraction_participantKeys_idx" ON "ArticleExtraction" USING GIN ("participantKeys");

CREATE UNIQUE INDEX "EventProposal_key_key" ON "EventProposal"("key");

CREATE INDEX "EventProposal_status_date_idx" ON "EventProposal"("status", "date");

CREATE INDEX "EventProposalMention_proposalId_idx" ON "EventProposalMention"("proposalId");

CREATE INDEX "EventProposalMention_articleId_idx" ON "EventProposalMention"("articleId");

CREATE INDEX "EventProposalMention_fingerprint_idx" ON "EventProposalMention"("fingerprint");

CREATE UNIQUE INDEX "ClaimProposal_fingerprint_key" ON "ClaimProposal"("fingerprint");

CREATE UNIQUE INDEX "ClaimProposal_annotationId_key" ON "ClaimProposal"("annotationId");

CREATE INDEX "ClaimProposal_articleId_status_idx" ON "ClaimProposal"("articleId", "status");

CREATE INDEX "ClaimProposal_eventProposalId_idx" ON "ClaimProposal"("eventProposalId");

CREATE UNIQUE INDEX "ContradictionCandidate_fingerprint_key" ON "ContradictionCandidate"("fingerprint");

CREATE INDEX "ContradictionCandidate_status_idx" ON "ContradictionCandidate"("status");

CREATE INDEX "ContradictionCandidate_articleIds_idx" ON "ContradictionCandidate" USING GIN ("articleIds");

ALTER TABLE "ArticleExtraction" ADD CONSTRAINT "ArticleExtraction_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "EventProposal" ADD CONSTRAINT "EventProposal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "EventProposalMention" ADD CONSTRAINT "EventProposalMention_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "EventProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "EventProposalMention" ADD CONSTRAINT "EventProposalMention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ClaimProposal" ADD CONSTRAINT "ClaimProposal_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ClaimProposal" ADD CONSTRAINT "ClaimProposal_eventProposalId_fkey" FOREIGN KEY ("eventProposalId") REFERENCES "EventProposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ClaimProposal" ADD CONSTRAINT "ClaimProposal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ContradictionCandidate" ADD CONSTRAINT "ContradictionCandidate_eventProposalId_fkey" FOREIGN KEY ("eventProposalId") REFERENCES "EventProposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ContradictionCandidate" ADD CONSTRAINT "ContradictionCandidate_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;
