import { WorkspaceHeader } from "@/components/layout/workspace-header";
import { requirePageActor } from "@/lib/auth/session";
import { getInboxCounts } from "@/lib/inbox/queries";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const counts = await getInboxCounts(actor);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <WorkspaceHeader actor={actor} waiting={counts.total} />
      <main id="main">{children}</main>
    </>
  );
}
