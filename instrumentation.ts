// Starts the background-job workers in the server process (Next.js calls register() once at start).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startServerJobWorkers } = await import("@/lib/wiring");
  // Not awaited: the site serves pages while the queue starts; queued work waits for it.
  startServerJobWorkers().catch((error) => console.error("Background jobs could not start:", error));
}
