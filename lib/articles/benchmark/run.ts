import { detectLanguage } from "../language";
import { classifyPageLines } from "../line-classifier";
import { prepareImport } from "../prepare";
import wrapAnsi from "wrap-ansi";
import { readCorpus, readPageForm, type CorpusForm } from "./corpus";
import { compareMetadata, dateMatches, type FieldName, type FieldResult } from "./metadata-match";
import { bodyScores, shingleMatching, type BodyScores, type Counts } from "./shingles";

/**
 * Runs the importer (the same `prepareImport` the import preview uses) over a benchmark corpus
 * in both forms and scores the body and the metadata. Pure measurement: nothing is stored.
 */

export interface FieldScore {
  correct: number;
  declared: number;
  accuracy: number;
}

export interface PageResult {
  id: string;
  form: CorpusForm;
  counts: Counts;
  f1: number;
  fields: Record<FieldName, FieldResult>;
  /** The date compared as before a clock without its zone counted: by the day alone unless a zone was stated. */
  dateByDay: FieldResult;
  error: string | null;
  ms: number;
  classifierMs: number;
  bytes: number;
}

export interface FormResult {
  body: BodyScores;
  fields: Record<FieldName, FieldScore>;
  dateByDay: FieldScore;
  /** Pages the importer refused (no body, unreadable). */
  failures: number;
  /** CPU time of the whole import (not the wall clock, which counts waiting for a core). */
  msPer10KB: number;
  /** Copied text: CPU time of the line classifier alone (language detection and verdicts), its share of the import. */
  classifierMsPer10KB: number | null;
}

export interface ImportEvalResult {
  corpus: string;
  pages: number;
  forms: Partial<Record<CorpusForm, FormResult>>;
  /** Every line of the copied text kept: the floor a line classifier must beat. */
  keepEveryLine: BodyScores | null;
  peers: Record<string, BodyScores>;
  perPage: PageResult[];
}

const FIELDS: FieldName[] = ["headline", "date", "author", "outlet"];
const FORMS: CorpusForm[] = ["html", "text"];

export interface ImportEvalOptions {
  limit?: number;
  /** Hard-wrap the copied text at this many characters, as an e-mail client or a plain-text export does. */
  wrap?: number;
}

export function runImportEval(dir: string, options: ImportEvalOptions = {}): ImportEvalResult {
  const corpus = readCorpus(dir, options);
  const perPage: PageResult[] = [];
  const forms: Partial<Record<CorpusForm, FormResult>> = {};
  const keepAll: Counts[] = [];
  for (const form of FORMS) {
    const results: PageResult[] = [];
    for (const page of corpus.pages) {
      const stored = readPageForm(dir, page.id, form);
      if (!stored) continue;
      const bytes = form === "text" && options.wrap ? hardWrap(stored, options.wrap) : stored;
      if (form === "text") keepAll.push(shingleMatching(page.truth, new TextDecoder().decode(bytes)));
      const start = process.cpuUsage();
      const prepared = prepareImport({ bytes, filename: `${page.id}.${form === "html" ? "html" : "txt"}`, format: form });
      const used = process.cpuUsage(start);
      const ms = (used.user + used.system) / 1000;
      let classifierMs = 0;
      if (form === "text") {
        const lines = new TextDecoder().decode(bytes).split("\n");
        const before = process.cpuUsage();
        classifyPageLines(lines, detectLanguage(lines));
        const spent = process.cpuUsage(before);
        classifierMs = (spent.user + spent.system) / 1000;
      }
      const body = prepared.ok ? prepared.article.paragraphs.join("\n\n") : "";
      const counts = shingleMatching(page.truth, body);
      const fields = prepared.ok
        ? compareMetadata(prepared.article, page.declared)
        : compareMetadata({ title: null, titleProvisional: true, author: null, publishedAt: null, outlet: null }, page.declared);
      const published = prepared.ok ? prepared.article : null;
      const zonedTime = published?.publishedTime && published.publishedTime.length > 5 ? published.publishedTime : null;
      results.push({
        id: page.id,
        form,
        counts,
        f1: bodyScores([counts]).f1,
        fields,
        dateByDay: dateMatches(published?.publishedAt ?? null, page.declared, zonedTime),
        error: prepared.ok ? null : prepared.code,
        ms,
        classifierMs,
        bytes: bytes.length,
      });
    }
    if (results.length === 0) continue;
    perPage.push(...results);
    const totalMs = results.reduce((sum, r) => sum + r.ms, 0);
    const totalBytes = results.reduce((sum, r) => sum + r.bytes, 0);
    forms[form] = {
      body: bodyScores(results.map((r) => r.counts)),
      fields: Object.fromEntries(FIELDS.map((field) => [field, fieldScore(results.map((r) => r.fields[field]))])) as Record<FieldName, FieldScore>,
      dateByDay: fieldScore(results.map((r) => r.dateByDay)),
      failures: results.filter((r) => r.error).length,
      msPer10KB: totalBytes ? (totalMs * 10_240) / totalBytes : 0,
      classifierMsPer10KB: form === "text" && totalBytes ? (results.reduce((sum, r) => sum + r.classifierMs, 0) * 10_240) / totalBytes : null,
    };
  }
  const peers = Object.fromEntries(
    Object.entries(corpus.peers).map(([name, output]) => [name, bodyScores(corpus.pages.map((page) => shingleMatching(page.truth, output[page.id] ?? "")))]),
  );
  return {
    corpus: dir,
    pages: corpus.pages.length,
    forms,
    keepEveryLine: keepAll.length ? bodyScores(keepAll) : null,
    peers,
    perPage,
  };
}

function fieldScore(results: readonly FieldResult[]): FieldScore {
  const declared = results.filter((r) => r !== null).length;
  const correct = results.filter((r) => r === true).length;
  return { correct, declared, accuracy: declared ? correct / declared : 0 };
}

/** The text as an e-mail client sends it: every line over `width` broken between words. */
export function hardWrap(bytes: Uint8Array, width: number): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const wrapped = text
    .split("\n")
    .map((line) => wrapAnsi(line, width, { hard: false, trim: true }))
    .join("\n");
  return new TextEncoder().encode(wrapped);
}
