import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.parentPath.includes("generated"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const importsCache = new Map<string, string[]>();
/** The modules a file loads at run time: type-only imports are erased, and a "use server" module reaches the browser only as references to its actions. */
function importsOf(file: string): string[] {
  let found = importsCache.get(file);
  if (!found) {
    const text = readFileSync(path.join(root, file), "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    found = isServerActionModule(source) ? [] : source.statements.flatMap((statement) => runtimeSpecifier(statement) ?? []);
    importsCache.set(file, found);
  }
  return found;
}

function isServerActionModule(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

function runtimeSpecifier(statement: ts.Statement): string | null {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
    const clause = statement.importClause;
    if (clause?.isTypeOnly) return null;
    const bindings = clause?.namedBindings;
    const onlyTypes = clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly);
    return onlyTypes ? null : statement.moduleSpecifier.text;
  }
  if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
    return statement.isTypeOnly ? null : statement.moduleSpecifier.text;
  }
  return null;
}

/** The project file an import names, or the bare package name for a dependency. */
function resolve(from: string, specifier: string): { file: string } | { pkg: string } {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (base === null) return { pkg: specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0] };
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(path.join(root, candidate))) return { file: path.normalize(candidate) };
  }
  return { file: base };
}

/** Every package reached from `file` through project files, with one import chain to each. */
function reachablePackages(file: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set([file]);
  const queue: string[][] = [[file]];
  while (queue.length) {
    const chain = queue.shift()!;
    const current = chain.at(-1)!;
    if (!/\.tsx?$/.test(current)) continue;
    for (const specifier of importsOf(current)) {
      const target = resolve(current, specifier);
      if ("pkg" in target) {
        if (!packages.has(target.pkg)) packages.set(target.pkg, chain);
      } else if (!seen.has(target.file)) {
        seen.add(target.file);
        queue.push([...chain, target.file]);
      }
    }
  }
  return packages;
}

const clientFiles = [...sourceFiles("components"), ...sourceFiles("app")].filter((file) =>
  /^\s*["']use client["']/.test(readFileSync(path.join(root, file), "utf8")),
);

describe("module boundaries", () => {
  it("finds the client components to check", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  // What a browser must never download: the date reader's locale tables, the HTML sanitizer,
  // the database client, or anything marked for the server alone.
  const serverOnlyPackages = ["chrono-node", "sanitize-html", "server-only", "@prisma/client", "@prisma/adapter-pg", "pg", "compromise"];

  it("keeps server-side packages out of every client component's imports", () => {
    const leaks: string[] = [];
    for (const file of clientFiles) {
      for (const [pkg, chain] of reachablePackages(file)) {
        if (serverOnlyPackages.includes(pkg)) leaks.push(`${pkg} via ${chain.join(" → ")}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("keeps lib below components and app", () => {
    const upward = sourceFiles("lib").flatMap((file) =>
      importsOf(file)
        .map((specifier) => resolve(file, specifier))
        .filter((target): target is { file: string } => "file" in target && /^(components|app)\//.test(target.file))
        .map((target) => `${file} → ${target.file}`),
    );
    expect(upward).toEqual([]);
  });
});
