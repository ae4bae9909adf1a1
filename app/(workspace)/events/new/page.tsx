import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { EventForm } from "../_components/event-form";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  await requirePageActor("events.edit");
  return (
    <>
      <p>
        <Link href="/events">← Events</Link>
      </p>
      <h1>New event</h1>
      <p className="muted">
        Several outlets reporting one call is one event; two calls on different days are two. Give the date as the source does, with its time zone.
      </p>
      <EventForm />
    </>
  );
}
