/**
 * The Origin header a browser adds to every write from the app's own pages. Playwright's request
 * API sends none, and the server refuses cookie-authenticated writes without one (lib/security/same-origin.ts).
 */
export const SAME_ORIGIN = { origin: `http://127.0.0.1:${process.env.E2E_PORT ?? "3100"}` };
