import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import * as articlesRoute from "@/app/api/articles/route";
import { db } from "@/lib/db";
import { callRoute } from "./api";

/**
 * A year of its own for one test file's run, so other tests' articles never share the days its
 * reports reach: one no stored article is published in (test files share the database, one after another).
 */
export async function ownYear(): Promise<number> {
  for (;;) {
    const year = 2100 + Math.floor(Math.random() * 800);
    const taken = await db.article.count({ where: { publishedAt: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } } });
    if (taken === 0) return year;
  }
}

/** Imports a one-paragraph wire report published on `date` through the API; its follow-up jobs are queued, not awaited. */
export async function importWireReport(token: string, date: string, paragraph: string): Promise<string> {
  const t = randomBytes(4).toString("hex");
  const html = `<!doctype html><html lang="en"><head><title>Report ${t}</title>
    <link rel="canonical" href="https://wire-${t}.example.com/${t}">
    <meta property="article:published_time" content="${date}T09:00:00Z">
    </head><body><article><h1>Report ${t}</h1><p>${paragraph}</p></article></body></html>`;
  const response = await callRoute(articlesRoute.POST, { method: "POST", token, body: { html, filename: "report.html" } });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json.id as string;
}
