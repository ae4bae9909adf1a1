import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ReactElement } from "react";

/**
 * Complete HTML documents for the public pages: server-rendered React with no client runtime,
 * so a page is exactly what a reader gets (no script the page's policy would block, nothing
 * to download and start). Route handlers run under React's server condition, where
 * react-dom/server is unavailable; it is loaded from the installed package at run time, outside
 * the bundle. Elements are plain objects, so the ones built here render there. Components
 * rendered this way use no hooks and no client components.
 */
type StaticRenderer = { renderToStaticMarkup(element: ReactElement): string };

let renderer: StaticRenderer | null = null;

function staticRenderer(): StaticRenderer {
  if (!renderer) {
    const { createRequire } = process.getBuiltinModule("node:module");
    renderer = createRequire(path.join(process.cwd(), "package.json"))("react-dom/server") as StaticRenderer;
  }
  return renderer;
}

export function renderHtmlDocument(element: ReactElement): string {
  return `<!DOCTYPE html>${staticRenderer().renderToStaticMarkup(element)}`;
}

/** The public site's style sheets, inlined once per process: one request per page, no render-blocking fetch. */
let styles: string | null = null;

export function publicSiteStyles(): string {
  styles ??= [
    readFileSync(path.join(process.cwd(), "app", "globals.css"), "utf8"),
    readFileSync(path.join(process.cwd(), "components", "briefings", "public-briefing.css"), "utf8"),
    readFileSync(path.join(process.cwd(), "components", "events", "timeline.css"), "utf8"),
  ]
    .join("\n")
    // Comments and indentation cost bytes on every page.
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\n\s+/g, "\n");
  return styles;
}
