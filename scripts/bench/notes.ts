// Figures that missed, what was changed, and the figure before and after; copied into every run's JSON.
// Both sides were measured on the same 2-core machine while other builds and tests ran on it (load
// averages in the runs' JSON files). Where the machine was too busy for timings to mean much (load
// average 13–17 on 2 cores), the evidence is the query plan: buffers read, from EXPLAIN (ANALYZE, BUFFERS).

export type Note = {
  date: string;
  figure: string;
  scale: number;
  unit: string;
  before: number;
  after: number;
  cause: string;
  change: string;
  detail?: string;
  /** The query plans behind the cause and the change (EXPLAIN ANALYZE, BUFFERS), abridged. */
  plans?: { before: string; after: string };
};

export const NOTES: Note[] = [
  {
    date: "2026-11-21",
    figure: "search",
    scale: 10_000,
    unit: "ms (p95)",
    before: 27_920,
    after: 121,
    cause:
      "The relevance rank recomputed to_tsvector('english', text) over the whole text of every hit on every query, and the hit list " +
      "evaluated the same expression again: a word in thousands of articles cost seconds (p50 was 244 ms, the broad words 6–28 s).",
    change:
      "Migration 20261121000300_bench_indexes stores the vector as a generated column ArticleRevision.searchVector with a GIN index " +
      "(replacing the expression index); lib/articles/queries.ts matches and ranks on it, each side ranking its hits in the same pass.",
    detail:
      "Same database and corpus, SQL only: 'talks' (in 99% of 10,000 articles) 12.3 s → 0.20 s, 'ceasefire' (24%) 7.1 s → 0.17 s. " +
      "The before run also used the first corpus, where every topic word was in ~88% of the articles; the corpus now gives each " +
      "article a main topic. What remains above 100 ms: words in most articles (every hit is ranked), and rare names right after a " +
      "bulk import, while the GIN index's pending list (up to 4 MB, merged by autovacuum) makes the planner scan the table instead. " +
      "Four runs after the change: 121–133 ms.",
  },
  {
    date: "2026-11-21",
    figure: "review-queue",
    scale: 10_000,
    unit: "ms (p95)",
    before: 1_271,
    after: 205,
    cause:
      "The article filter listed every article with a pending annotation: 9,689 options, 3.9 of the page's 4.7 MB, from a query " +
      "that counted pending annotations across all articles (50–200 ms).",
    change:
      "lib/annotations/queries.ts listReviewQueueFacets offers the 200 articles whose annotations have waited longest, found " +
      "through the (status, createdAt) index in about 10 ms; the page is 1.26 MB.",
    detail: "Four runs after the change: 156–205 ms, depending on what else the machine ran; 500 items per page remain.",
  },
  {
    date: "2026-11-21",
    figure: "memory",
    scale: 10_000,
    unit: "MB",
    before: 652,
    after: 526,
    cause:
      "Peak RSS follows the largest responses: the server sits at ~290 MB after start, the 32-connection briefing load takes it to " +
      "380–490 MB and rendering the review queue (500 items, 1.26 MB of HTML and RSC payload each time) to 526–666 MB.",
    change: "None aimed at it. The smaller review page did not move the peak reliably: four runs after it measured 526–666 MB.",
    detail: "Paging the review queue (fewer items per response) and serving published briefings without the React payload are the levers.",
  },
  {
    date: "2026-11-21",
    figure: "import",
    scale: 10_000,
    unit: "articles/s",
    before: 4.0,
    after: 122,
    cause:
      "Mention suggestions took ~250 ms per article: each article reloaded the entity registry (~50 ms) and rebuilt the alias " +
      "matcher (~75–110 ms), compromise tagged the whole text (~30 ms for 6.6 KB), and Prisma's createMany built the insert of " +
      "~75 suggestions per article on the client (15.6 s of the 19 s left after the first two fixes).",
    change:
      "lib/entities/suggestion-refresh.ts keeps the matcher while the registry's fingerprint is unchanged, plans and writes 50 articles " +
      "per transaction and inserts the rows as one JSON parameter; lib/entities/name-candidates.ts gives compromise only the " +
      "sentences holding a capitalized word the matcher did not find (a unit test checks, on the seed articles, that this loses " +
      "none of the names compromise finds in the whole text).",
    detail: "Intermediate runs: 43–45 articles/s with the cached matcher, sentence filter and batches (createMany still on the client).",
  },
  {
    date: "2026-11-21",
    figure: "suggestions",
    scale: 10_000,
    unit: "ms (p95)",
    before: 278,
    after: 26,
    cause: "The same as for import: registry reload, matcher rebuild and compromise over the whole text on every refresh.",
    change:
      "The same changes. The first refresh after an entity or alias changes still reloads the registry and rebuilds the matcher " +
      "(~160 ms at 5,000 entities, shown under breakdown).",
  },
  {
    date: "2026-11-21",
    figure: "briefing-ratio",
    scale: 10_000,
    unit: "ratio",
    before: 0.06,
    after: 0.98,
    cause:
      "Next.js served the page from its cache, yet routing, the proxy and the cache read cost 2–4 ms of CPU per request against " +
      "~0.2 ms for the bare server; at 32 connections the p99 (349 ms before) followed from that throughput.",
    change:
      "The production server (scripts/serve.mjs, run by npm start) keeps copies of the public pages in memory in front of Next.js " +
      "(lib/server/public-page-cache.mjs): refreshed after a second, dropped after two, purged on publication and retraction; " +
      "client-side navigation, query strings and anything but GET/HEAD go to Next.js. briefing-next-rps still reports Next.js alone.",
    detail: "Runs after the change: ratio 0.84–1.04, p99 14–59 ms; 59 ms was before stale copies were answered during a refresh.",
  },
  {
    date: "2026-11-21",
    figure: "review-queue",
    scale: 10_000,
    unit: "ms (p95)",
    before: 213,
    after: 81,
    cause: "The page rendered the 500 oldest pending annotations at once: 1.26 MB of HTML and React payload per request.",
    change: "lib/annotations/queries.ts listReviewQueue pages the queue, 50 annotations a page, with a total; the page links to the others.",
  },
  {
    date: "2026-11-21",
    figure: "memory",
    scale: 10_000,
    unit: "MB",
    before: 728,
    after: 459,
    cause:
      "Loading the production server through a TypeScript loader (tsx) added ~110 MB to the process (its loader thread and the " +
      "hooks on every module Next.js loads): 315 MB after start against 200 MB for next start; rendering 500 review items pushed the rest.",
    change: "scripts/serve.mjs and the page cache are type-checked JavaScript run by plain Node.js; the review queue is paged.",
  },
  {
    date: "2026-11-21",
    figure: "search",
    scale: 10_000,
    unit: "ms (p95)",
    before: 116,
    after: 79,
    cause:
      "Two causes. Right after the import benchmark, the full-text index's pending list held 320 pages of new entries and the " +
      "planner read every revision instead of using the index: a rare surname took 50–140 ms (4.5 ms once the list was merged). " +
      'And a word in most articles ("talks", 99%) computed a title rank for every text hit and carried each hit\'s vector ' +
      "through a join before ranking it: ~155 ms in SQL.",
    change:
      "Migration 20261121000400_search_pending_list limits the index's pending list to 256 KB, merged during imports (parse and " +
      "store measured 266–349 articles/s afterwards, against 316–345 before). lib/articles/queries.ts ranks text hits before the " +
      'join and leaves the title rank to the title side (same order, tested): "talks" ~155 → ~95 ms in SQL.',
    detail: "Runs before these changes, after the earlier ones: 77–133 ms.",
  },
  {
    date: "2026-12-04",
    figure: "search",
    scale: 100_000,
    unit: "buffers (EXPLAIN) for q=talks",
    before: 1_272_930,
    after: 13_888,
    cause:
      "Every hit was ranked: a word in 99% of 100,000 articles read and decompressed 99,000 stored vectors (~4 KB compressed each) " +
      "to rank them, 12.2 s in SQL on the busy machine. Bounding the ranked set by date first was not enough: the planner, which " +
      "does not count decompressing a vector as a cost, then walked the newest articles testing each one's vector (ceasefire, 24%: " +
      "4,449 vectors, 41,000 buffers, 2.8 s) or read the whole table (talks: 440,000 buffers). Phrases and exclusions made the index " +
      "recheck every candidate's vector the same way.",
    change:
      "lib/articles/queries.ts ranks at most the 250 newest matches of each side (SEARCH_RANK_LIMIT; the list then says 'at least N " +
      "match'), takes the text matches from the index only (SET LOCAL enable_seqscan = off for that statement) and sorts them by " +
      "date, sorts title matches on an expression so the date index is not walked, and for phrases and exclusions takes the newest " +
      "matches of the words first and checks only those against the whole query. The unfiltered list counts up to 10,000 and gives " +
      "the planner's estimate beyond; outlets come from a skip scan of their index instead of every article.",
    detail: 'At 100,000 articles (busy machine): talks 12.2 s → 1.8 s in SQL, ceasefire 2.8 s → ~0.2 s, "energy supplies" 2.1 s → 0.24 s; buffers 90× fewer.',
    plans: {
      before:
        "Limit → Sort → WindowAgg → Hash Join → HashAggregate → Append: [Bitmap Heap Scan on Article (title)] + [Bitmap Heap Scan on ArticleRevision " +
        "rows=99406, ts_rank on each] … Buffers: shared hit=1135269 read=137661; Execution Time: 12235 ms",
      after:
        "CTE text_hits: Limit 250 → Sort (top-N heapsort) → Bitmap Heap Scan on ArticleRevision (Bitmap Index Scan on ArticleRevision_searchVector_idx, " +
        "no recheck) · CTE title_hits: Limit → Sort → Bitmap Heap Scan on Article (Article_search_idx) · ranked: Nested Loop over ≤500 ids " +
        "(Article_pkey, ArticleRevision_pkey) … Buffers: shared hit=3026 read=10862; Execution Time: 1771 ms at load average 15",
    },
  },
  {
    date: "2026-12-04",
    figure: "review-queue",
    scale: 100_000,
    unit: "buffers (EXPLAIN) for the article filter",
    before: 10_719,
    after: 2_003,
    cause:
      "The queue counted every pending annotation (half of 1,000,000) on each page view, and its article filter's `IN (…) OR id = $selected` " +
      "made the planner read all 100,000 articles (Seq Scan, 10,719 buffers, ~1 s on the busy machine).",
    change:
      "lib/annotations/queries.ts counts at most 10,000 (REVIEW_COUNT_LIMIT; 'at least 10,000 awaiting review') and unions the selected " +
      "article into the subquery; migration 20261204005000 adds a partial, covering index of pending annotations (createdAt, id) INCLUDE " +
      "(articleId), from which the page, the bounded count and the filter are read without touching the table.",
    plans: {
      before: "Sort → Seq Scan on Article a (Filter: hashed SubPlan OR id = NULL) rows=200 … Buffers: shared hit=2958 read=7761",
      after:
        "Sort → Nested Loop → HashAggregate → Append → Limit 200 → Sort → HashAggregate → Limit 2000 → Index Only Scan using " +
        "Annotation_pending_queue_idx (Heap Fetches: 0); Index Scan using Article_pkey loops=201 … Buffers: shared hit=1799 read=204",
    },
  },
  {
    date: "2026-12-04",
    figure: "entity-search",
    scale: 100_000,
    unit: "buffers (EXPLAIN) for q=tor",
    before: 2_870,
    after: 607,
    cause:
      "A later word of a name ('% lavrov%') could use no index, so the word search read all 50,000 entities and 83,000 aliases; a " +
      "short prefix shared by 3,300 names fetched all of them and joined every entity to sort them.",
    change:
      "Migration 20261204005000 adds pg_trgm trigram indexes on names and aliases (word search, and misspellings by word similarity, " +
      "ranked below every exact, prefix and word match); the prefix step reads the first 100 of each index in its own order " +
      "(ORDER BY … USING ~<~ on the text_pattern_ops indexes) instead of all matches.",
    plans: {
      before:
        "Limit → Sort → Hash Join → Seq Scan on Entity rows=50000; Bitmap Heap Scans on both trigram indexes rows=3764 … Buffers: shared hit=858 read=2012",
      after:
        "HashAggregate → Append → Limit 100 → Index Scan using Entity_normalizedName_prefix_idx; Limit 100 → Nested Loop → Index Scan using EntityAlias_normalized_prefix_idx … Buffers: shared hit=516 read=91",
    },
  },
  {
    date: "2026-12-05",
    figure: "review-queue",
    scale: 10_000,
    unit: "ms (p95), interleaved with the previous code on one corpus, load 7–11",
    before: 626,
    after: 373,
    cause:
      'The partial index of the queue (20261204005000) predates "linkOnly" (20261205050001), so the queue\'s condition could not be ' +
      "answered from it: the bounded count read the table (Seq Scan, 1,441 buffers), the list of authors read every annotation of a user " +
      "with none pending (Seq Scan per user, 7,551 buffers), the article filter hashed the whole article table (866 buffers), and a page " +
      "took six statements (Prisma's includes of author, reviews, replies and article).",
    change:
      "Migration 20261205090000 replaces it by two partial indexes holding exactly the queue's rows: (createdAt, id) INCLUDE (articleId, " +
      "authorId, kind) and (authorId, createdAt, id). Pages are read by keyset (cursor, nextCursor) in one statement; the whole queue's " +
      "size is the index's row estimate; the article filter's ids are one array for index probes.",
    plans: {
      before:
        "count: Limit 10001 → Seq Scan on Annotation (Filter: deletedAt IS NULL AND NOT linkOnly AND status = PENDING) … Buffers: shared read=1441; " +
        "authors: Nested Loop → Seq Scan on Annotation loops=4 … Buffers: shared hit=1813 read=5738",
      after:
        "page: Limit 51 → Index Only Scan using Annotation_review_queue_idx (Index Cond: ROW(createdAt, id) > ROW(…), Heap Fetches: 0) … " +
        "Buffers: 4; authors: Nested Loop → Index Only Scan using Annotation_review_queue_author_idx loops=4 … Buffers: 14; " +
        "articles: Bitmap Index Scan on Article_pkey (id = ANY ($0)) … Buffers: 615",
    },
  },
  {
    date: "2026-12-05",
    figure: "import",
    scale: 1_000,
    unit: "articles/s, two runs each interleaved with the previous code, load 7–10.6",
    before: 8.0,
    after: 10.1,
    cause:
      "The import's figure waits for its follow-up jobs, and the article-proposals jobs ran one after another: 20 jobs (one per chunk " +
      "of 50 files), each extracting its 50 articles and then regrouping around them. Every regrouping read a full block of ~420–500 " +
      "articles' extractions (~19 MB of JSON) for 50 new ones: 21 groupings took in 8,766 extractions, ~9 per imported article. Of " +
      "the proposal jobs' time, regrouping was 57 % (grouping on the worker thread 30 %, storing 21 %, reading 5 %) and extracting 43 % " +
      "(the engine on the thread 20 %, waiting for the thread 12 %, storing extractions 10 %).",
    change:
      "Waiting jobs of a kind with a `finish` run as one batch (lib/jobs: `batch` on a job kind, both queues; up to 10 jobs), and " +
      "lib/proposals/refresh.ts regroups around a batch's articles in parts of at most 200 (MAX_REGROUP_SEEDS): 6–7 regroupings " +
      "instead of 21. Grouping on the thread fell from 31–34 s to 16 s, regrouping from 70 s to 41–44 s, the process's CPU from " +
      "41 s to 33–34 s. The proposals made stay alike: open ones holding the imported articles 14,375–14,423 before, 14,491–14,534 " +
      "after (where blocks are cut varies from run to run), those of several mentions 3,722–3,723 before, 3,720–3,723 after.",
    detail:
      "Left: extracting is now the larger part (the engine on the worker thread, 20–26 s under this load; the registry matcher runs " +
      "over each text twice, for proposals and for suggestions), then storing the regroupings' new rows (~14,500 proposals, " +
      "20,000 passages and their claims: 22–24 s) and the extractions (10–12 s). The main thread is idle 81 % of the import, the worker thread 67 %.",
  },
  {
    date: "2026-12-05",
    figure: "entity-fuzzy",
    scale: 100_000,
    unit: "ms (p95), interleaved with the previous build on one kept database, load 3.0–3.5",
    before: 45.2,
    after: 35.2,
    cause:
      "A token-authenticated misspelled-name search made nine round trips to the database: two rate-limit reads and the token with " +
      "its owner, then the matches, a transaction of four statements to set pg_trgm.word_similarity_threshold for one query, and the " +
      "hits with their aliases. Each costs a few ms of Prisma's and Node.js's work on a busy machine; the statements themselves take under 1 ms at 1,000 articles.",
    change:
      "lib/auth/queries.ts checkApiToken reads the token, its owner and both rate-limit counts in one query (nothing cached); " +
      "lib/entities/queries.ts searchEntities is one statement, the threshold set by entity_spellings_alike (migration " +
      "20261206000500), a SQL function whose SET clause applies to its own call. p50 24.5 → 19.1 ms; GET /api/me p50 12.5 → 10.5 ms.",
  },
  {
    date: "2026-12-05",
    figure: "search",
    scale: 100_000,
    unit: "ms (p95), interleaved with the previous build on one kept database, load 3.0–3.5",
    before: 87.9,
    after: 76.7,
    cause:
      "A word too rare to fill the window of the newest articles read every match it has to keep its newest 250; the title side " +
      "read every title match from the table; a surname whose other spellings have several words was searched with phrases, so " +
      "the index rechecked the stored vector of every article holding their words (650 for one surname: 3,515 buffers, 139 ms cold).",
    change:
      "newestMatches (lib/articles/queries.ts): the window, then a span ten times as long (for a word the window found often enough " +
      "to fill it, while the span covers less than half the dates), then the whole index, on both sides; the title index holds the " +
      "date (migration 20261206000600). Spellings of several words go through the index by their words and are checked as phrases " +
      "on the newest candidates only, stopping at 250.",
    detail:
      "First round 118 → 76.7 ms p95; p50 39.6 → 42.7. Cold surnames (30 never asked) unchanged within the noise (p50 73 → 79 ms): " +
      "their cost is now the ranking of ~270 hits (~5,000 buffers: each hit's article read twice and its vector decompressed for ts_rank).",
  },
  {
    date: "2026-12-06",
    figure: "server-import-memory",
    scale: 0,
    unit: "MB, 1,000 files into a fresh database, old and new started together, load 4–11",
    before: 769,
    after: 581,
    cause:
      "Two worker threads ran an import's background work beside each other (reading texts for proposals on one, grouping and " +
      "suggestions on the other): the second heap (85–87 MB committed) and the main thread's extra work in flight raised the peak; " +
      "glibc kept 95–104 MB of freed memory in 18–19 per-thread malloc arenas.",
    change:
      "lib/workers/pool.ts runs every background task on the first thread (the second still parses and answers previews); the " +
      "server runs with MALLOC_ARENA_MAX=2 (scripts/serve-flags.mjs SERVE_ENV, passed by npm start, the benchmark and the e2e server).",
    detail:
      "Four pairs: 750/769/823/769 → 568/581/582/625 MB (one over the target); the server's CPU 80.2/98.3/80.1/91.1 → " +
      "85.1/101.1/85.8/92.6 s; all jobs done 5–17 % later. The peak now comes at the end of the proposals.",
  },
];
