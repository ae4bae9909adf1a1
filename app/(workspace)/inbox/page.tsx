import { LocalDate } from "@/components/ui/local-date";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { inboxCountLabel } from "@/lib/inbox/counts";
import { getInbox, type InboxSection } from "@/lib/inbox/queries";
import "@/components/annotations/annotations.css";

export const metadata: Metadata = { title: "Inbox" };

const HEADINGS: Record<InboxSection["key"], { title: string; empty: string; all?: { href: string; label: string } }> = {
  reviews: { title: "Annotations to review", empty: "No annotation waits for your review.", all: { href: "/review", label: "Open the review queue" } },
  signoffs: {
    title: "Resolutions to sign off",
    empty: "No resolution waits for your sign-off.",
    all: { href: "/contradictions?status=awaiting_signoff", label: "All resolutions awaiting sign-off" },
  },
  approvals: { title: "Briefings to approve", empty: "No briefing waits for your approval.", all: { href: "/compose", label: "All briefings" } },
  changesRequested: { title: "Changes requested on your annotations", empty: "No reviewer asked you for changes." },
  returned: { title: "Briefings returned to you", empty: "No briefing was returned to you." },
  contradictions: { title: "Open contradictions on your briefings", empty: "No open contradiction touches your unpublished briefings." },
  newSources: { title: "New sources on settled contradictions", empty: "No settled contradiction has a new source waiting for a decision." },
};

export default async function InboxPage() {
  const actor = await requirePageActor();
  const sections = await getInbox(actor);
  const total = sections.reduce((sum, section) => sum + section.count, 0);
  return (
    <>
      <h1>Inbox</h1>
      <p className="muted">{total === 0 ? "Nothing waits for you." : `${inboxCountLabel(total)} ${total === 1 ? "item waits" : "items wait"} for you.`}</p>
      {sections.map((section) => {
        const heading = HEADINGS[section.key];
        const id = `inbox-${section.key}`;
        return (
          <section key={section.key} className="card inbox-section" aria-labelledby={id}>
            <h2 id={id}>
              {heading.title} <span className="muted">({inboxCountLabel(section.count)})</span>
            </h2>
            {section.items.length === 0 ? (
              <p className="muted">{heading.empty}</p>
            ) : (
              <ul className="inbox-list">
                {section.items.map((item) => (
                  <li key={item.id}>
                    <Link href={item.href}>{item.title}</Link>{" "}
                    <span className="muted">
                      {item.detail}
                      {item.at ? (
                        <>
                          {" · "}
                          <LocalDate value={item.at} style="timestamp" />
                        </>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {heading.all && section.count > 0 ? (
              <p>
                <Link href={heading.all.href}>{heading.all.label}</Link>
              </p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
