import type { EventProposal } from "./types";

/**
 * What an event proposal row keeps as JSON (`EventProposal.data`): the happening as the engine
 * shaped it, and nothing another column or its passage rows hold. Key, type, title and event are
 * columns; the passages' selectors and quotes are the `EventProposalMention` rows, from which
 * reads rebuild the mentions. Storing the whole proposal repeated every passage twice (its
 * selector and its quote), some 1.9 KB a row that PostgreSQL parsed and wrote for nothing.
 */
export type StoredProposalData = Pick<EventProposal, "kind" | "date" | "localDate" | "precision" | "timeZone" | "dateNote" | "participants" | "place">;

export function storedProposalData(proposal: EventProposal): StoredProposalData {
  const { kind, date, localDate, precision, timeZone, dateNote, participants, place } = proposal;
  return { kind, date, localDate, precision, timeZone, dateNote, participants, place };
}
