"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { deleteEvent, updateEvent } from "@/lib/events/mutations";
import { updateEventSchema } from "@/lib/events/schemas";
import { idSchema, parseInput } from "@/lib/validation";

export async function updateEventAction(eventId: string, input: unknown) {
  return runAction(async () => {
    const id = parseInput(idSchema, eventId);
    const data = parseInput(updateEventSchema, input);
    const actor = await requireActor("events.edit");
    const event = await updateEvent(actor, id, data);
    revalidatePath("/events", "layout");
    return { id: event.id };
  }, "Saved.");
}

export async function deleteEventAction(eventId: string) {
  return runAction(async () => {
    const id = parseInput(idSchema, eventId);
    const actor = await requireActor("events.edit");
    await deleteEvent(actor, id);
    revalidatePath("/events", "layout");
  }, "Event deleted.");
}
