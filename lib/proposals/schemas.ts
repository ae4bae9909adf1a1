import { z } from "zod";
import { limitParam } from "@/lib/api/pagination";
import { storedClaimValueSchema } from "@/lib/contradictions/schemas";
import { eventDateInputSchema, eventTypeSchema, participantSchema } from "@/lib/events/schemas";

export const PROPOSAL_STATUSES = ["OPEN", "ACCEPTED", "DISMISSED", "WITHDRAWN"] as const;
export type ProposalStatusName = (typeof PROPOSAL_STATUSES)[number];

export const proposalListSchema = z.object({
  status: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(PROPOSAL_STATUSES, { message: "status must be open, accepted, dismissed or withdrawn." }))
    .default("OPEN"),
  articleId: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ProposalListInput = z.input<typeof proposalListSchema>;
/** A list filter as lib receives it, parsed at the edge. */
export type ProposalListFilter = z.output<typeof proposalListSchema>;

/**
 * Accepting an event proposal, optionally with the editor's corrections. Without `eventId` the
 * proposal's own existing event is linked, or a new event is created from the proposal and the edits.
 */
export const acceptEventProposalSchema = z.object({
  title: z.string().trim().min(1, "Enter a title.").max(300, "Titles have at most 300 characters.").optional(),
  type: eventTypeSchema.optional(),
  date: eventDateInputSchema.nullish(),
  participants: z.array(participantSchema).max(100).optional(),
  placeId: z.string().trim().max(64).nullish(),
  /** Link the passages to this existing event instead. */
  eventId: z.string().trim().min(1).max(64).optional(),
});
export type AcceptEventProposalInput = z.input<typeof acceptEventProposalSchema>;
export type AcceptEventProposalData = z.output<typeof acceptEventProposalSchema>;

/** Accepting a claim proposal, optionally with a corrected value. */
export const acceptClaimProposalSchema = z.object({
  value: storedClaimValueSchema.optional(),
});
export type AcceptClaimProposalInput = z.input<typeof acceptClaimProposalSchema>;
export type AcceptClaimProposalData = z.output<typeof acceptClaimProposalSchema>;

export const CANDIDATE_STATUSES = ["SUGGESTED", "CONFIRMED", "DISMISSED", "WITHDRAWN"] as const;
export type CandidateStatusName = (typeof CANDIDATE_STATUSES)[number];

/** Suggested contradictions: `?limit=` (at most 500). */
export const candidateListSchema = z.object({
  status: z.enum(CANDIDATE_STATUSES).default("SUGGESTED"),
  limit: limitParam(500).transform((v) => v ?? 200),
});
export type CandidateListFilter = z.output<typeof candidateListSchema>;
