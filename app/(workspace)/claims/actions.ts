"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { createClaim, updateClaim } from "@/lib/contradictions/claims";
import { createClaimSchema, updateClaimSchema, type ClaimFormInput } from "@/lib/contradictions/schemas";
import { idSchema, parseInput } from "@/lib/validation";

/** A saved claim can raise or settle contradictions and changes its subject's comparison. */
function revalidateClaim(claim: { annotationId: string; subject: { type: string; id: string } }) {
  revalidatePath(`/claims/${claim.annotationId}`);
  revalidatePath(`/compare/${claim.subject.type}/${claim.subject.id}`);
  revalidatePath("/contradictions", "layout");
}

export async function createClaimAction(input: ClaimFormInput & { annotationId: string }) {
  return runAction(async () => {
    const data = parseInput(createClaimSchema, input);
    const actor = await requireActor("claims.edit");
    const result = await createClaim(actor, data);
    revalidateClaim(result.claim);
    return result;
  });
}

/** `updatedAt` as read, else a conflict (409) with the current claim. */
export async function updateClaimAction(claimId: string, input: ClaimFormInput & { updatedAt: string }) {
  return runAction(async () => {
    const id = parseInput(idSchema, claimId);
    const data = parseInput(updateClaimSchema, input);
    const actor = await requireActor("claims.edit");
    const result = await updateClaim(actor, id, data);
    revalidateClaim(result.claim);
    return result;
  });
}
