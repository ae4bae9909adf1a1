// @ts-check
// JavaScript, not TypeScript: the production server (scripts/serve.mjs) loads it with plain Node.js,
// since a TypeScript loader there would cost the process about 100 MB. Type-checked through JSDoc.
/**
 * A short-lived in-memory copy of the public briefing pages, in front of Next.js in the same
 * process, as a CDN would keep them. Next.js already serves these pages from its own cache, but
 * its routing costs a few milliseconds per request; a copy answers in the time of a bare HTTP
 * server. A copy is refreshed after one second (and dropped after two), so instances that did not
 * see a publication catch up at once; the instance that publishes purges its copies right away.
 * Requests that find no usable copy while one is being fetched wait for it, as a CDN collapses
 * requests: passed on to Next.js one by one, a burst of them (every visitor of a page whose copy
 * has just expired) would queue behind each other's renders and the fetch of the copy with them,
 * which under load never catches up.
 */
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import { isCachedPublicPage, PUBLIC_PAGE_HEADER } from "../security/public-pages.mjs";

/**
 * A copy with its answers' header lists made once (flat [name, value, …]), so an answer builds no header object.
 * @typedef {{ headers: Record<string, string>; body: Buffer; gzipped: Buffer; plainHeaders: string[]; gzipHeaders: string[]; etag: string | null; storedAt: number }} CachedPage
 */
/** @typedef {{ purge(): void }} Registry */

/**
 * The path a request addresses, as the app's router will see it ("/briefings/../signin" is
 * "/signin"), or null when a copy should not answer it (a query string, an unreadable address).
 * Copies are kept and found under this path, which is also the one they are filled from.
 * @param {string} url
 * @returns {string | null}
 */
export function normalizedPath(url) {
  if (!url.startsWith("/") || url.includes("?")) return null;
  try {
    return new URL(url, "http://localhost").pathname;
  } catch {
    return null;
  }
}

const FRESH_MS = 1000;
/** A copy up to this old is still answered while its replacement is fetched, so readers never queue behind the refresh. */
const STALE_MS = 2000;
/** Requests waiting for a copy are passed on to Next.js if it takes longer than this. */
const FILL_TIMEOUT_MS = 10_000;
const MAX_BYTES = 64 * 1024 * 1024;
/** Client-side navigation and prefetches ask Next.js for the React payload, not for the page. */
const NEXT_REQUEST_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-action", "next-url"];
/** Headers of one connection or one encoding, never copied into a stored page. */
const PER_RESPONSE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);
const FILL_HEADER = "x-concord-page-fill";
const REGISTRY = Symbol.for("concord.publicPageCache");

/**
 * Drops every stored copy: called after a publication or retraction. The cache lives in the
 * server script while this is called from Next.js's bundles, so they meet on globalThis.
 */
export function purgePublicPageCache() {
  /** @type {Registry | undefined} */
  const registry = Reflect.get(globalThis, REGISTRY);
  registry?.purge();
}

/**
 * @typedef {object} PublicPageCache
 * @property {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse, passOn: () => void) => boolean} handle
 *   Returns false for Next.js to answer the request, or true when the cache has taken it: answered from a stored copy,
 *   now or once the copy being fetched arrives, or handed to `passOn` (Next.js) when that fetch brings no copy.
 */

/**
 * @param {string} origin where this server itself listens, to fetch a page from Next.js when its copy is missing or old
 * @returns {PublicPageCache}
 */
export function createPublicPageCache(origin) {
  /** @type {LRUCache<string, CachedPage>} */
  const pages = new LRUCache({
    maxSize: MAX_BYTES,
    sizeCalculation: (page) => page.body.byteLength + page.gzipped.byteLength,
  });
  /** When a path last answered with nothing to keep (a 404, a redirect): for a second, its requests go straight to Next.js. */
  /** @type {LRUCache<string, number>} */
  const uncopyable = new LRUCache({ max: 10_000 });
  /** Fetches under way, by path, each resolving to the copy it stored (null when it stored none). */
  /** @type {Map<string, Promise<CachedPage | null>>} */
  const filling = new Map();
  // Only this process's own fetches pass by the cache on purpose.
  const fillToken = randomUUID();
  let generation = 0;

  /**
   * The fetch of a fresh copy of `path`, started unless one is under way.
   * @param {string} path
   * @returns {Promise<CachedPage | null>}
   */
  function fill(path) {
    let pending = filling.get(path);
    if (!pending) {
      pending = fetchCopy(path).finally(() => filling.delete(path));
      filling.set(path, pending);
    }
    return pending;
  }

  /**
   * @param {string} path
   * @returns {Promise<CachedPage | null>}
   */
  async function fetchCopy(path) {
    const startedIn = generation;
    try {
      const response = await fetch(new URL(path, origin), {
        headers: { [FILL_HEADER]: fillToken, "accept-encoding": "identity" },
        redirect: "manual",
        signal: AbortSignal.timeout(FILL_TIMEOUT_MS),
      });
      const type = response.headers.get("content-type") ?? "";
      // Only what the app marks as a public page is kept: never a page of the workspace or the sign-in.
      if (
        response.status !== 200 ||
        !response.headers.has(PUBLIC_PAGE_HEADER) ||
        response.headers.has("set-cookie") ||
        !/^(text\/html|application\/atom\+xml|application\/xml)/.test(type)
      ) {
        await response.body?.cancel();
        if (generation === startedIn) uncopyable.set(path, Date.now());
        return null;
      }
      const body = Buffer.from(await response.arrayBuffer());
      // A purge during the fetch may have come after Next.js rendered this copy.
      if (generation !== startedIn) return null;
      /** @type {Record<string, string>} */
      const headers = {};
      response.headers.forEach((value, name) => {
        if (!PER_RESPONSE_HEADERS.has(name)) headers[name] = value;
      });
      // Copies differ by encoding too, for any cache further down the line.
      if (!/accept-encoding/i.test(headers.vary ?? "")) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
      const gzipped = gzipSync(body);
      // As a CDN marks its hits: tells operators (and the tests) where an answer came from.
      const answerHeaders = (/** @type {Record<string, string>} */ extra) => Object.entries({ ...headers, ...extra, "x-concord-page-copy": "hit" }).flat();
      const page = {
        headers,
        body,
        gzipped,
        plainHeaders: answerHeaders({ "content-length": String(body.byteLength) }),
        gzipHeaders: answerHeaders({ "content-encoding": "gzip", "content-length": String(gzipped.byteLength) }),
        etag: response.headers.get("etag"),
        storedAt: Date.now(),
      };
      pages.set(path, page);
      return page;
    } catch (error) {
      console.error(`Copying the public page ${path} failed:`, error);
      return null;
    }
  }

  /**
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   * @param {CachedPage} page
   */
  function answer(request, response, page) {
    if (page.etag && request.headers["if-none-match"] === page.etag) {
      response.writeHead(304, page.headers);
      response.end();
      return;
    }
    const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    response.writeHead(200, gzip ? page.gzipHeaders : page.plainHeaders);
    response.end(request.method === "HEAD" ? undefined : gzip ? page.gzipped : page.body);
  }

  /** @type {Registry} */
  const registry = {
    purge() {
      generation++;
      pages.clear();
      uncopyable.clear();
    },
  };
  Reflect.set(globalThis, REGISTRY, registry);

  return {
    handle(request, response, passOn) {
      if (request.method !== "GET" && request.method !== "HEAD") return false;
      const path = normalizedPath(request.url ?? "");
      if (path === null || !isCachedPublicPage(path)) return false;
      if (request.headers[FILL_HEADER] === fillToken || NEXT_REQUEST_HEADERS.some((name) => name in request.headers)) return false;
      const cached = pages.get(path);
      const age = cached ? Date.now() - cached.storedAt : Infinity;
      if (age < FRESH_MS) {
        answer(request, response, /** @type {CachedPage} */ (cached));
        return true;
      }
      if (age >= STALE_MS && Date.now() - (uncopyable.get(path) ?? -Infinity) < FRESH_MS) return false;
      const filled = fill(path);
      if (age < STALE_MS) {
        answer(request, response, /** @type {CachedPage} */ (cached));
        return true;
      }
      void filled.then((page) => {
        if (response.destroyed) return;
        if (page) answer(request, response, page);
        else passOn();
      });
      return true;
    },
  };
}
