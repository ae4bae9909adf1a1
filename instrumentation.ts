// Starts the background-import workers in the server process (Next.js calls register() once at start).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startJobWorkers } = await import("@/lib/articles/jobs");
  // Not awaited: the site serves pages while the queue starts; imports wait for it.
  startJobWorkers().catch((error) => console.error("Background imports could not start:", error));
}
