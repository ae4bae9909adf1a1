"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { createEvent } from "@/lib/events/mutations";
import { createEventSchema } from "@/lib/events/schemas";
import { parseInput } from "@/lib/validation";

export async function createEventAction(input: unknown) {
  return runAction(async () => {
    const data = parseInput(createEventSchema, input);
    const actor = await requireActor("events.edit");
    const event = await createEvent(actor, data);
    revalidatePath("/events", "layout");
    return { id: event.id };
  }, "Event created.");
}
