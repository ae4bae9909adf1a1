/**
 * Identities of proposals that survive a new revision: an article and the words of a passage,
 * not offsets. A judgement (accepted, dismissed) is remembered under them. Pure.
 */
import { createHash } from "node:crypto";
import type { ClaimProposal, ContradictionCandidate, ProposalMention } from "./types";

const hash = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);

/** ".1", ".2": the second and third happening named by one passage ("separate calls to X, Y and Z"). */
const ordinalOf = (mentionKey: string) => /\.(\d+)$/.exec(mentionKey)?.[1] ?? "0";

export function mentionFingerprint(mention: ProposalMention): string {
  return hash("mention", mention.articleId, mention.quote, ordinalOf(mention.mentionKey));
}

export function claimFingerprint(claim: ClaimProposal): string {
  return hash("claim", claim.articleId, claim.attribute, claim.quote, claim.label);
}

/** Both sides, in either order: `sideKey` maps a side's claim key to its lasting identity. */
export function candidateFingerprint(candidate: ContradictionCandidate, sideKey: (claimKey: string) => string): string {
  return hash("candidate", candidate.attribute, ...[sideKey(candidate.a.claimKey), sideKey(candidate.b.claimKey)].sort());
}
