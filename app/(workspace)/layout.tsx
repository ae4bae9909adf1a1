import { WorkspaceHeader } from "@/components/layout/workspace-header";
import { requirePageActor } from "@/lib/auth/session";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <WorkspaceHeader actor={actor} />
      <main id="main">{children}</main>
    </>
  );
}
