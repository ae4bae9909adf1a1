import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { inboxCountLabel } from "@/lib/inbox/counts";
import { SignOutButton } from "./sign-out-button";

const LINKS = [
  { href: "/articles", label: "Articles" },
  { href: "/import", label: "Import", writersOnly: true },
  { href: "/review", label: "Review" },
  { href: "/entities", label: "Entities" },
  { href: "/events", label: "Events" },
  { href: "/contradictions", label: "Contradictions" },
  { href: "/compare", label: "Compare sources" },
  { href: "/compose", label: "Briefings" },
  { href: "/briefings", label: "Public site" },
] as const;

/** `waiting`: how many items wait in the actor's inbox (counted up to a limit, shown as "999+" beyond). */
export function WorkspaceHeader({ actor, waiting }: { actor: Actor; waiting: number }) {
  return (
    <header className="site-header">
      <Link href="/inbox" className="brand">
        Concord
      </Link>
      <nav aria-label="Workspace">
        <ul>
          <li>
            <Link href="/inbox">
              Inbox
              {waiting > 0 ? (
                <>
                  {" "}
                  <span className="nav-count">
                    {inboxCountLabel(waiting)}
                    <span className="visually-hidden"> waiting</span>
                  </span>
                </>
              ) : null}
            </Link>
          </li>
          {LINKS.filter((link) => !("writersOnly" in link) || actor.role !== "ANALYST").map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
          <li>
            <Link href="/settings/tokens">API tokens</Link>
          </li>
          {actor.role === "ADMIN" ? (
            <li>
              {/* One entry for the administration pages keeps the navigation on one line. */}
              <details className="nav-menu">
                <summary>Admin</summary>
                <ul>
                  <li>
                    <Link href="/admin/users">Users</Link>
                  </li>
                  <li>
                    <Link href="/admin/annotation-kinds">Annotation kinds</Link>
                  </li>
                  <li>
                    <Link href="/admin/audit">Audit log</Link>
                  </li>
                </ul>
              </details>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="who">
        <span>
          {actor.name} <span className="muted">({actor.role.toLowerCase()})</span>
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
