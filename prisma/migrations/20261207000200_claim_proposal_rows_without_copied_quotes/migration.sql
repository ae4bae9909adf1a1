-- A claim proposal's passage is its revision and offsets: reads take its quote, prefix and suffix
-- from the revision's text (lib/proposals/queries.ts withClaimQuotes), which every row names.
ALTER TABLE "ClaimProposal" DROP COLUMN "exact", DROP COLUMN "prefix", DROP COLUMN "suffix";
