import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getArticle, listArticles } from "@/lib/articles/queries";
import { articleListQuerySchema } from "@/lib/articles/schemas";
import { getPublicBriefing, listPublishedBriefings } from "@/lib/briefings/public";
import { listContradictions } from "@/lib/contradictions/list-queries";
import { getContradiction } from "@/lib/contradictions/queries";
import { db, disconnectDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch";
import { ensureCurationActors, type DemoActors } from "@/lib/demo/actors";
import { DEFAULT_DEMO_FILE, DemoError, loadDemo, readDemoFile, type DemoSummary } from "@/lib/demo/load";
import type { DemoFile } from "@/lib/demo/schemas";
import { getEventPage, listEvents } from "@/lib/events/queries";

/**
 * The shipped demo loaded into a database of its own (the run's shared database holds other
 * tests' articles, and the demo is for a database without any), then read back the way the
 * article list, the timeline, the contradictions page and the public briefing read it.
 */
describe("the demo workspace", () => {
  const originalUrl = process.env.DATABASE_URL;
  let scratch: ScratchDatabase;
  let actors: DemoActors;
  let summary: DemoSummary | null;
  let demo: DemoFile;
  let tmp: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase("concord_demo");
    await migrate(scratch.url);
    await disconnectDb();
    process.env.DATABASE_URL = scratch.url;
    tmp = await mkdtemp(path.join(os.tmpdir(), "concord-demo-"));
    actors = await ensureCurationActors();
    demo = (await readDemoFile())!;
    summary = await loadDemo(actors);
  }, 300_000);

  afterAll(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = originalUrl;
    await scratch?.drop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  async function allArticles() {
    return (await listArticles(actors.editor, articleListQuerySchema.parse({ sort: "published" }))).items;
  }

  it("loads everything and publishes the briefing", () => {
    expect(summary).toMatchObject({
      articles: 5,
      events: demo.events.length,
      annotations: demo.annotations.length,
      contradictions: { RESOLVED: 1, DISCLOSED: 1 },
      briefing: { slug: "us-russia-contacts-feb-may-2025", status: "PUBLISHED", path: "/briefings/us-russia-contacts-feb-may-2025" },
    });
    expect(summary!.entities).toBe(demo.entities.length);
  });

  it("lists the five seed articles with their corrected titles, outlets and publication dates", async () => {
    const rows = (await allArticles()).map(({ title, outlet, publishedAt, titleProvisional }) => ({ title, outlet, publishedAt, titleProvisional }));
    expect(rows.sort((a, b) => a.title.localeCompare(b.title))).toEqual(
      [
        {
          title: "US, Russia agree to prepare for Trump-Putin meeting; key issues remain big obstacles: expert",
          outlet: "Global Times",
          publishedAt: "2025-02-16",
        },
        { title: "Trump says he will speak to Putin on Tuesday about ending the Russia-Ukraine conflict", outlet: "CGTN", publishedAt: "2025-03-17" },
        { title: "Trump to Speak with Putin as White House Aims for Russia-Ukraine Ceasefire", outlet: null, publishedAt: "2025-03-17" },
        { title: "Russia's embassy in the US on the Lavrov–Rubio call of 17 May, with comment", outlet: "Toutiao", publishedAt: "2025-05-18" },
        { title: "The Mystery of Rubio: What Did Trump Attempt to Make Putin Yield to on May 19?", outlet: "Svobodnaya Pressa", publishedAt: "2025-05-18" },
      ]
        .map((row) => ({ ...row, titleProvisional: false }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    );
  });

  it("shows the events in the order they happened, each with the passages of every source that speaks of it", async () => {
    const events = await listEvents(actors.editor);
    const titles = events.map((event) => event.title);
    const order = [
      "First Trump–Putin phone call",
      "Rubio–Lavrov call on preparing a Putin–Trump meeting",
      "US–Russia meeting in Riyadh",
      "US–Russia talks in Istanbul on bilateral relations",
      "Second Trump–Putin phone call",
      "Ukraine–Russia talks in Istanbul",
      "Rubio–Lavrov call after the Istanbul talks",
      "Third Trump–Putin phone call",
    ];
    const positions = order.map((title) => titles.indexOf(title));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(titles).toHaveLength(demo.events.length);

    const third = events.find((event) => event.title === "Third Trump–Putin phone call")!;
    expect(third.date?.label).toBe("19 May 2025, 10:00 EDT (14:00 UTC)");
    const march = events.find((event) => event.title === "Rubio–Lavrov contact during the ceasefire efforts")!;
    expect(march.date).toMatchObject({ localDate: "2025-03", precision: "month" });

    const first = await getEventPage(actors.editor, events.find((event) => event.title === "First Trump–Putin phone call")!.id);
    expect(first.passages.map((group) => group.outlet).sort()).toEqual(["CGTN", "Global Times", "Svobodnaya Pressa", "Unknown outlet"]);
  });

  it("shows the demo contradictions with their statuses, resolutions and sign-offs", async () => {
    const items = await listContradictions(actors.editor);
    expect(items.map(({ status, detected }) => ({ status, detected })).sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: "DISCLOSED", detected: false },
      { status: "RESOLVED", detected: true },
    ]);
    const dated = items.find((item) => item.detected)!;
    expect(dated.summary).toBe("The sources disagree on the date of Rubio–Lavrov call after the Istanbul talks: 18 May 2025 or 17 May 2025.");
    expect(dated.sources.map((source) => source.outlet).sort()).toEqual(["Svobodnaya Pressa", "Toutiao"]);
    for (const item of items) {
      const view = await getContradiction(actors.editor, item.id);
      expect(view.resolvedBy?.id).toBe(actors.editor.id);
      expect(view.signedOffBy?.id).toBe(actors.analyst.id);
      expect(view.history.map((step) => step.action)).toEqual(expect.arrayContaining(["resolved", "signed_off"]));
    }
    const resolved = await getContradiction(actors.editor, dated.id);
    expect(resolved.resolution).toBe("ACCEPT_ONE");
    const accepted = resolved.passages.find((passage) => passage.claim?.id === resolved.acceptedClaimId);
    expect(accepted?.exact).toContain("on May 17 (Saturday)");
  });

  it("publishes the briefing, and every citation quotes its article's text", async () => {
    expect((await listPublishedBriefings()).map((item) => item.slug)).toContain("us-russia-contacts-feb-may-2025");
    const briefing = (await getPublicBriefing("us-russia-contacts-feb-may-2025"))!;
    expect(briefing.version.title).toBe("US–Russia contacts on the war in Ukraine, February–May 2025");
    expect(briefing.version.html).toContain("What the sources disagree on");
    expect(briefing.version.html).toContain("Key actors");
    expect(briefing.version.timelines[0]!.entries).toHaveLength(demo.events.length);

    const articles = await allArticles();
    const texts = new Map<string, { outlet: string | null; text: string }>();
    for (const item of articles) {
      const article = await getArticle(actors.editor, item.id);
      texts.set(article.title, { outlet: article.outlet, text: article.currentRevision.text });
    }
    expect(briefing.version.notes.length).toBeGreaterThan(20);
    for (const note of briefing.version.notes) {
      const source = texts.get(note.articleTitle);
      expect(source, note.articleTitle).toBeDefined();
      expect(source!.outlet).toBe(note.outlet);
      expect(source!.text).toContain(`${note.before}${note.quote}${note.after}`);
    }
  });

  it("cites passages in every paragraph of the briefing it ships", () => {
    const blocks = demo.briefing!.body;
    const runs = blocks.flatMap((block) => ("paragraph" in block ? [block.paragraph] : "bullets" in block ? block.bullets : []));
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(run.some((segment) => typeof segment === "object" && "cite" in segment)).toBe(true);
  });

  async function writeDemo(name: string, annotation: { quote: string; occurrence?: number }): Promise<string> {
    const dir = await mkdtemp(path.join(tmp, `${name}-`));
    const article =
      "Harbour talks resume\n\nDelegates met at the harbour office on Tuesday. The delegates met again on Wednesday.\n\nNo agreement was announced.";
    await writeFile(path.join(dir, "story.txt"), `${article} (${name})`);
    const file = path.join(dir, "demo.json");
    await writeFile(
      file,
      JSON.stringify({
        articles: [{ key: "story", file: "story.txt" }],
        entities: [{ key: "office", type: "FACILITY", name: `Harbour office ${name}` }],
        annotations: [{ key: "passage", article: "story", kind: "fact", ...annotation }],
      }),
    );
    return file;
  }

  it("fails loudly, naming the article and the quote, when a quote is not in the article, and writes nothing past the import", async () => {
    const file = await writeDemo("missing", { quote: "Delegates met at the airport" });
    const failure = loadDemo(actors, { file });
    await expect(failure).rejects.toThrow(DemoError);
    await expect(failure).rejects.toThrow(
      /Demo annotation "passage": the quote “Delegates met at the airport” was not found in the article “Harbour talks resume” \(story\.txt\)/,
    );
    expect(await db.entity.count({ where: { name: "Harbour office missing" } })).toBe(0);
  });

  it("asks which occurrence is meant when a quote occurs more than once, and anchors the one named", async () => {
    const repeated = await writeDemo("repeated", { quote: "met" });
    await expect(loadDemo(actors, { file: repeated })).rejects.toThrow(
      /the quote “met” occurs 2 times in the article “Harbour talks resume” \(story\.txt\); say which with "occurrence" \(1–2\)/,
    );
    await expect(loadDemo(actors, { file: await writeDemo("second", { quote: "met", occurrence: 2 }) })).resolves.toMatchObject({ annotations: 1 });
    const annotation = await db.annotation.findFirstOrThrow({ where: { exact: "met", article: { currentRevision: { text: { contains: "(second)" } } } } });
    expect(annotation.prefix.endsWith("The delegates ")).toBe(true);
  });

  it("loads nothing and says so when there is no demo file", async () => {
    const lines: string[] = [];
    expect(await loadDemo(actors, { file: path.join(tmp, "none", "demo.json"), log: (line) => lines.push(line) })).toBeNull();
    expect(lines.join("\n")).toMatch(/there is no demo file .*nothing to load/);
    expect(DEFAULT_DEMO_FILE.endsWith(path.join("seeds", "demo.json"))).toBe(true);
  });
});
