import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Briefings" };

export default function BriefingsPage() {
  return (
    <main id="main">
      <h1>Briefings</h1>
      <p>No briefing has been published yet.</p>
      <p><Link href="/signin">Newsroom sign-in</Link></p>
    </main>
  );
}
