import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import type { ActionResult } from "@/lib/api/action";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Where server actions may be declared; Next.js honours the directive in any module, not only an actions.ts. */
const SEARCHED = ["app", "components", "lib"];
const SKIPPED = new Set(["node_modules", path.join("lib", "db", "generated")]);
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export type Action = (...args: unknown[]) => Promise<ActionResult<unknown>>;

/** Whether the module's first statement is the "use server" directive (comments before it are allowed, as in Next.js). */
function isServerActionModule(file: string, text: string): boolean {
  if (!text.includes("use server")) return false;
  const first = ts.createSourceFile(file, text, ts.ScriptTarget.Latest).statements[0];
  return first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

/** Paths from the project's root of every "use server" module under `dir` (a path from the root). */
async function findActionFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true });
  const found = await Promise.all(
    entries.map(async (entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return SKIPPED.has(entry.name) || SKIPPED.has(file) ? [] : findActionFilesUnder(file);
      if (!entry.isFile() || !SOURCE.test(entry.name) || entry.name.endsWith(".d.ts")) return [];
      return isServerActionModule(file, await readFile(path.join(ROOT, file), "utf8")) ? [file.split(path.sep).join("/")] : [];
    }),
  );
  return found.flat();
}

/** Every module that declares server actions, by its path from the project's root. */
export async function findActionFiles(): Promise<string[]> {
  return (await Promise.all(SEARCHED.map((dir) => findActionFilesUnder(dir)))).flat();
}

export const importActions = async (file: string) => (await import(path.join(ROOT, file))) as Record<string, Action>;
