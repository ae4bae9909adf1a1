"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { confirmContradictionCandidate, dismissContradictionCandidate } from "@/lib/proposals/mutations";
import { idSchema, parseInput } from "@/lib/validation";

export async function confirmCandidateAction(candidateId: string) {
  return runAction(async () => {
    const id = parseInput(idSchema, candidateId);
    const actor = await requireActor("proposals.decide");
    const result = await confirmContradictionCandidate(actor, id);
    revalidatePath("/contradictions");
    return result;
  }, "Confirmed: the contradiction is open for resolution.");
}

export async function dismissCandidateAction(candidateId: string) {
  return runAction(async () => {
    const id = parseInput(idSchema, candidateId);
    const actor = await requireActor("proposals.decide");
    const result = await dismissContradictionCandidate(actor, id);
    revalidatePath("/contradictions");
    return result;
  }, "Dismissed: it will not be suggested again.");
}
