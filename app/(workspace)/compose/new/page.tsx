import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { NewBriefingForm } from "./_components/new-briefing-form";

export const metadata: Metadata = { title: "New briefing" };

export default async function NewBriefingPage() {
  await requirePageActor("briefings.compose");
  return (
    <>
      <h1>New briefing</h1>
      <NewBriefingForm />
    </>
  );
}
