"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { createLink, deleteLink } from "@/lib/entities/links";
import { getPassageLinkContext } from "@/lib/events/queries";
import { canLinkPassages } from "@/lib/entities/permissions";
import { createLinkSchema } from "@/lib/entities/schemas";
import { idSchema, parseInput } from "@/lib/validation";

/** The annotation's links and the dates in its passage; with `eventId`, checked against that event's date. */
export async function loadPassageLinksAction(annotationId: string, eventId?: string) {
  return runAction(async () => {
    const id = parseInput(idSchema, annotationId);
    const event = eventId === undefined ? undefined : parseInput(idSchema, eventId);
    const actor = await requireActor("entities.read");
    return { ...(await getPassageLinkContext(actor, id, event)), canEdit: canLinkPassages(actor) };
  });
}

function revalidateLinkPages(articleId: string, target: { href: string }) {
  revalidatePath(`/articles/${articleId}`);
  revalidatePath(target.href);
}

export async function linkPassageAction(articleId: string, input: unknown) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const data = parseInput(createLinkSchema, input);
    const actor = await requireActor("passages.link");
    const link = await createLink(actor, data);
    revalidateLinkPages(article, link.target);
    return link;
  }, "Linked.");
}

export async function unlinkPassageAction(articleId: string, linkId: string, targetHref: string) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, linkId);
    const href = parseInput(z.string().regex(/^\/(entities|events)\/[\w-]+$/), targetHref);
    const actor = await requireActor("passages.link");
    await deleteLink(actor, { id });
    revalidateLinkPages(article, { href });
  }, "Unlinked.");
}
