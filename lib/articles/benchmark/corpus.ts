import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { DeclaredMetadata } from "./metadata-match";

/**
 * A corpus folder in the article-extraction benchmark's layout: `html/<id>.html[.gz]`,
 * `text/<id>.txt[.gz]`, `ground-truth.json` ({ id: { articleBody, url } }), optional
 * `metadata.json` (what each page declares) and `peers/<name>.json` (other extractors' output).
 */
export interface CorpusPage {
  id: string;
  url: string | null;
  truth: string;
  declared: DeclaredMetadata;
}

export type CorpusForm = "html" | "text";

export interface Corpus {
  dir: string;
  pages: CorpusPage[];
  peers: Record<string, Record<string, string>>;
}

const FORM_FILES: Record<CorpusForm, string> = { html: "html", text: "txt" };

export function readCorpus(dir: string, options: { limit?: number } = {}): Corpus {
  const truth = readJson<Record<string, { articleBody?: string; url?: string }>>(path.join(dir, "ground-truth.json"));
  const metadataFile = path.join(dir, "metadata.json");
  const metadata = existsSync(metadataFile) ? readJson<Record<string, DeclaredMetadata>>(metadataFile) : {};
  const ids = Object.keys(truth).sort();
  const pages = ids.slice(0, options.limit ?? ids.length).map((id) => ({
    id,
    url: truth[id].url ?? null,
    truth: truth[id].articleBody ?? "",
    declared: metadata[id] ?? {},
  }));
  return { dir, pages, peers: readPeers(path.join(dir, "peers")) };
}

/** The page's bytes in one form, or null when the corpus lacks that form of it. */
export function readPageForm(dir: string, id: string, form: CorpusForm): Uint8Array | null {
  const base = path.join(dir, form, `${id}.${FORM_FILES[form]}`);
  if (existsSync(`${base}.gz`)) return gunzipSync(readFileSync(`${base}.gz`));
  if (existsSync(base)) return readFileSync(base);
  return null;
}

function readPeers(dir: string): Record<string, Record<string, string>> {
  if (!existsSync(dir)) return {};
  const peers: Record<string, Record<string, string>> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const output = readJson<Record<string, { articleBody?: string }>>(path.join(dir, file));
    peers[file.replace(/\.json$/, "")] = Object.fromEntries(Object.entries(output).map(([id, v]) => [id, v.articleBody ?? ""]));
  }
  return peers;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}
