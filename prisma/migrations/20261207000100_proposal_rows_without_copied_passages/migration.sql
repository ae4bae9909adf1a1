-- An event proposal's JSON keeps the happening alone (lib/proposals/stored-proposal.ts): its key,
-- type, title and event are columns, and its passages' selectors and quotes are its
-- EventProposalMention rows, which reads rebuild the mentions from.
UPDATE "EventProposal" SET "data" = "data" - 'key' - 'eventType' - 'title' - 'eventId' - 'mentions'
WHERE "data" ?| ARRAY['key', 'eventType', 'title', 'eventId', 'mentions'];

-- A suggested contradiction's side names its claim proposal, whose row holds the passage.
UPDATE "ContradictionCandidate" SET "sideA" = "sideA" - 'annotation', "sideB" = "sideB" - 'annotation'
WHERE "sideA" ? 'annotation' OR "sideB" ? 'annotation';
