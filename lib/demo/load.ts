import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createAnnotation, reviewAnnotation } from "@/lib/annotations/mutations";
import { createAnnotationSchema, reviewAnnotationSchema } from "@/lib/annotations/schemas";
import { importArticle } from "@/lib/articles/import-articles";
import { updateArticle } from "@/lib/articles/mutations";
import { getArticle } from "@/lib/articles/queries";
import { updateArticleSchema } from "@/lib/articles/schemas";
import { approveBriefing, createBriefing, publishBriefing, submitBriefing } from "@/lib/briefings/mutations";
import type { BriefingDoc, InlineNode, TopBlockNode } from "@/lib/briefings/document";
import { approveBriefingSchema, type Blocker, createBriefingSchema, submitBriefingSchema } from "@/lib/briefings/schemas";
import { createClaim } from "@/lib/contradictions/claims";
import type { ClaimValue } from "@/lib/contradictions/claim-values";
import { createContradiction, resolveContradiction, signOffContradiction } from "@/lib/contradictions/mutations";
import { getContradiction } from "@/lib/contradictions/queries";
import {
  type ContradictionStatus,
  createClaimSchema,
  createContradictionSchema,
  resolveContradictionSchema,
  signOffContradictionSchema,
} from "@/lib/contradictions/schemas";
import { db } from "@/lib/db";
import { createLink } from "@/lib/entities/links";
import { createEntity } from "@/lib/entities/mutations";
import { createEntitySchema, createLinkSchema } from "@/lib/entities/schemas";
import { AppError } from "@/lib/errors";
import { createEvent } from "@/lib/events/mutations";
import { createEventSchema } from "@/lib/events/schemas";
import { parseInput } from "@/lib/validation";
import type { DemoActors } from "./actors";
import {
  demoFileSchema,
  type DemoAnnotation,
  type DemoBlock,
  type DemoClaimValue,
  type DemoContradiction,
  type DemoFile,
  type DemoSegment,
  type DemoTarget,
} from "./schemas";

export type { DemoActors } from "./actors";

/** The demo curation shipped with the seed articles. Without it, nothing is loaded. */
export const DEFAULT_DEMO_FILE = path.resolve(import.meta.dirname, "../../seeds/demo.json");

/** A demo file that cannot be loaded as written: the message names the entry and what is wrong. */
export class DemoError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DemoError";
  }
}

export type DemoSummary = {
  articles: number;
  entities: number;
  aliases: number;
  events: number;
  annotations: number;
  links: number;
  claims: number;
  contradictions: Partial<Record<ContradictionStatus, number>>;
  briefing: { id: string; slug: string; status: string; path: string | null } | null;
};

type Log = (line: string) => void;

/** Articles in the database: the demo is meant for a database that has none of its own yet. */
export async function countArticles(): Promise<number> {
  return db.article.count();
}

/**
 * Reads and validates a demo file. Null when there is none (the product then runs without a
 * demo); a DemoError listing every problem when the file is not valid.
 */
export async function readDemoFile(file: string = DEFAULT_DEMO_FILE): Promise<DemoFile | null> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new DemoError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = demoFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new DemoError(`${file} is not a valid demo file:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

/**
 * Replays the demo curation through the library functions the UI and the API use: imports the
 * articles (an article already imported is found as a duplicate and reused), corrects their
 * metadata, creates entities and events, annotates passages given by their quote, links them,
 * records claims, has the analyst review, flags, resolves and signs off contradictions, and
 * writes, approves and publishes the briefing. Returns null when there is no demo file.
 */
export async function loadDemo(actors: DemoActors, options: { file?: string; log?: Log } = {}): Promise<DemoSummary | null> {
  const file = options.file ?? DEFAULT_DEMO_FILE;
  const log = options.log ?? (() => {});
  const demo = await readDemoFile(file);
  if (!demo) {
    log(`Demo: there is no demo file (${path.relative(process.cwd(), file) || file}); nothing to load.`);
    return null;
  }
  const summary = await new Loader(demo, path.dirname(file), actors).run();
  log(describe(summary));
  return summary;
}

function describe(summary: DemoSummary): string {
  const statuses = Object.entries(summary.contradictions)
    .map(([status, count]) => `${count} ${status.toLowerCase().replace("_", " ")}`)
    .join(", ");
  const briefing = summary.briefing ? `; briefing ${summary.briefing.path ?? summary.briefing.slug} (${summary.briefing.status.toLowerCase()})` : "";
  return (
    `Demo: ${summary.articles} articles, ${summary.entities} entities (${summary.aliases} aliases), ${summary.events} events, ` +
    `${summary.annotations} annotations, ${summary.links} links, ${summary.claims} claims, contradictions: ${statuses || "none"}${briefing}.`
  );
}

/** Runs `fn`, turning a failure into a DemoError that names the demo entry. */
async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DemoError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DemoError(`${label}: ${message}${detailsOf(error)}`, { cause: error });
  }
}

/** What the library said beyond its message: publishing blockers one per line, other details as JSON. */
function detailsOf(error: unknown): string {
  if (!(error instanceof AppError) || !error.details) return "";
  const blockers = (error.details as { blockers?: Blocker[] }).blockers;
  if (blockers?.length) return `\n${blockers.map((b) => `  ${b.type}: ${b.message}`).join("\n")}`;
  return ` ${JSON.stringify(error.details)}`;
}

type LoadedArticle = { id: string; title: string; outlet: string | null; file: string; text: string };
type Selection = { start: number; end: number; exact: string };

class Loader {
  private readonly articles = new Map<string, LoadedArticle>();
  private readonly entities = new Map<string, { id: string; name: string }>();
  private readonly events = new Map<string, { id: string; title: string }>();
  private readonly annotations = new Map<string, { id: string; articleKey: string }>();
  private readonly claims = new Map<string, string>();
  private readonly contradictions = new Map<string, { id: string; status: ContradictionStatus }>();
  private readonly detectedIds = new Set<string>();
  private aliasCount = 0;
  private linkCount = 0;

  constructor(
    private readonly demo: DemoFile,
    private readonly dir: string,
    private readonly actors: DemoActors,
  ) {}

  async run(): Promise<DemoSummary> {
    await this.importArticles();
    // Every quote is found before anything else is written: a wrong quote stops the demo with only the articles imported.
    const selections = new Map(this.demo.annotations.map((a) => [a.key, this.locate(a)]));
    await this.createEntities();
    await this.createEvents();
    for (const annotation of this.demo.annotations) await this.annotate(annotation, selections.get(annotation.key)!);
    for (const annotation of this.demo.annotations) await this.link(annotation);
    for (const annotation of this.demo.annotations) await this.claim(annotation);
    for (const annotation of this.demo.annotations) await this.review(annotation);
    await this.settleContradictions();
    const briefing = this.demo.briefing ? await this.composeBriefing() : null;
    const contradictions: Partial<Record<ContradictionStatus, number>> = {};
    for (const { status } of this.contradictions.values()) contradictions[status] = (contradictions[status] ?? 0) + 1;
    return {
      articles: this.articles.size,
      entities: this.entities.size,
      aliases: this.aliasCount,
      events: this.events.size,
      annotations: this.annotations.size,
      links: this.linkCount,
      claims: this.claims.size,
      contradictions,
      briefing,
    };
  }

  private get editor() {
    return this.actors.editor;
  }

  private get analyst() {
    return this.actors.analyst;
  }

  // ───────────────────────────── articles ─────────────────────────────

  private async importArticles(): Promise<void> {
    for (const article of this.demo.articles) {
      const label = `Demo article "${article.key}" (${article.file})`;
      const bytes = await step(label, () => readFile(path.join(this.dir, article.file)));
      const outcome = await step(label, () => importArticle(this.editor, { bytes, filename: article.file }));
      if (!outcome.articleId) throw new DemoError(`${label}: the importer refused it: ${outcome.error}`);
      let current = await getArticle(this.editor, outcome.articleId);
      const { confirmTitle, ...fields } = article.metadata ?? {};
      if (Object.keys(fields).length > 0 || confirmTitle) {
        await step(label, () =>
          updateArticle(this.editor, parseInput(updateArticleSchema, { articleId: current.id, version: current.version, confirmTitle, ...fields })),
        );
        current = await getArticle(this.editor, current.id);
      }
      this.articles.set(article.key, { id: current.id, title: current.title, outlet: current.outlet, file: article.file, text: current.currentRevision.text });
    }
  }

  /** Where the quote is in the article's current text; fails loudly when it is not there, or is there more than once unnamed. */
  private locate(annotation: DemoAnnotation): Selection {
    const article = this.articles.get(annotation.article)!;
    const where = `Demo annotation "${annotation.key}": the quote “${annotation.quote}”`;
    const starts: number[] = [];
    for (let at = article.text.indexOf(annotation.quote); at >= 0; at = article.text.indexOf(annotation.quote, at + 1)) starts.push(at);
    if (starts.length === 0) throw new DemoError(`${where} was not found in the article “${article.title}” (${article.file}).`);
    if (annotation.occurrence === undefined && starts.length > 1) {
      throw new DemoError(
        `${where} occurs ${starts.length} times in the article “${article.title}” (${article.file}); say which with "occurrence" (1–${starts.length}).`,
      );
    }
    const index = (annotation.occurrence ?? 1) - 1;
    if (index >= starts.length) {
      throw new DemoError(
        `${where} occurs ${starts.length} time(s) in the article “${article.title}” (${article.file}), so there is no occurrence ${annotation.occurrence}.`,
      );
    }
    return { start: starts[index]!, end: starts[index]! + annotation.quote.length, exact: annotation.quote };
  }

  // ───────────────────────────── entities and events ─────────────────────────────

  private async createEntities(): Promise<void> {
    for (const entity of this.demo.entities) {
      const view = await step(`Demo entity "${entity.key}"`, () =>
        createEntity(
          this.editor,
          parseInput(createEntitySchema, {
            type: entity.type,
            name: entity.name,
            aliases: entity.aliases,
            description: entity.description ?? null,
            externalId: entity.externalId ?? null,
          }),
        ),
      );
      this.entities.set(entity.key, { id: view.id, name: view.name });
      this.aliasCount += view.aliases.length;
    }
  }

  private async createEvents(): Promise<void> {
    for (const event of this.demo.events) {
      const view = await step(`Demo event "${event.key}"`, () =>
        createEvent(
          this.editor,
          parseInput(createEventSchema, {
            type: event.type,
            title: event.title,
            description: event.description ?? null,
            date: event.date ?? null,
            placeId: event.place ? this.entityId(event.place) : null,
            participants: event.participants.map((p) => ({ entityId: this.entityId(p.entity), role: p.role })),
            relations: event.relations.map((r) => ({ type: r.type, eventId: this.eventId(r.event) })),
          }),
        ),
      );
      this.events.set(event.key, { id: view.id, title: view.title });
    }
  }

  private entityId(key: string): string {
    return this.entities.get(key)!.id;
  }

  private eventId(key: string): string {
    return this.events.get(key)!.id;
  }

  private annotationId(key: string): string {
    return this.annotations.get(key)!.id;
  }

  private target(target: DemoTarget): { targetType: "entity" | "event"; targetId: string } {
    return "entity" in target
      ? { targetType: "entity", targetId: this.entityId(target.entity) }
      : { targetType: "event", targetId: this.eventId(target.event) };
  }

  // ───────────────────────────── passages ─────────────────────────────

  private async annotate(annotation: DemoAnnotation, selection: Selection): Promise<void> {
    const article = this.articles.get(annotation.article)!;
    const { id } = await step(`Demo annotation "${annotation.key}"`, () =>
      createAnnotation(
        this.editor,
        parseInput(createAnnotationSchema, {
          articleId: article.id,
          ...selection,
          kind: annotation.kind,
          ...(annotation.comment ? { comment: annotation.comment } : {}),
          ...(annotation.tags ? { tags: annotation.tags } : {}),
        }),
      ),
    );
    this.annotations.set(annotation.key, { id, articleKey: annotation.article });
  }

  private async link(annotation: DemoAnnotation): Promise<void> {
    for (const link of annotation.links) {
      await step(`Demo annotation "${annotation.key}", link`, () =>
        createLink(
          this.editor,
          parseInput(createLinkSchema, { annotationId: this.annotationId(annotation.key), ...this.target(link), relation: link.relation }),
        ),
      );
      this.linkCount++;
    }
  }

  private async claim(annotation: DemoAnnotation): Promise<void> {
    if (!annotation.claim) return;
    const { attribute, value } = annotation.claim;
    const subject = "entity" in annotation.claim ? { entityId: this.entityId(annotation.claim.entity) } : { eventId: this.eventId(annotation.claim.event) };
    const { claim, detection } = await step(`Demo claim on "${annotation.key}"`, () =>
      createClaim(
        this.editor,
        parseInput(createClaimSchema, { annotationId: this.annotationId(annotation.key), ...subject, attribute, value: this.claimValue(value) }),
      ),
    );
    this.claims.set(annotation.key, claim.id);
    for (const id of detection.contradictionIds) this.detectedIds.add(id);
  }

  private claimValue(value: DemoClaimValue): ClaimValue {
    return value.type === "entities" ? { type: "entities", ids: value.entities.map((key) => this.entityId(key)) } : value;
  }

  private async review(annotation: DemoAnnotation): Promise<void> {
    if (annotation.review !== "approve") return;
    await step(`Demo review of "${annotation.key}"`, () =>
      reviewAnnotation(
        this.analyst,
        this.annotationId(annotation.key),
        parseInput(reviewAnnotationSchema, { decision: "approve", comment: annotation.reviewComment }),
      ),
    );
  }

  // ───────────────────────────── contradictions ─────────────────────────────

  private async settleContradictions(): Promise<void> {
    await this.matchDetected();
    for (const contradiction of this.demo.contradictions) {
      if (contradiction.flag) await this.flag(contradiction);
      await this.resolve(contradiction);
    }
  }

  /**
   * Pairs each contradiction the detector opened with the demo entry that expects it (same
   * subject, attribute and passages). One the file does not expect, or an expected one that
   * was not opened, means the claims do not say what the file assumes: both stop the demo.
   */
  private async matchDetected(): Promise<void> {
    const expected = this.demo.contradictions.filter((c) => c.detected);
    for (const id of this.detectedIds) {
      const view = await getContradiction(this.editor, id);
      const members = new Set(view.passages.map((p) => p.annotationId));
      const entry = expected.find((c) => {
        const d = c.detected!;
        const subjectId = "entity" in d ? this.entityId(d.entity) : this.eventId(d.event);
        return (
          view.subject?.id === subjectId &&
          view.attribute === d.attribute.toLowerCase() &&
          d.members.length === members.size &&
          d.members.every((k) => members.has(this.annotationId(k)))
        );
      });
      if (!entry) throw new DemoError(`The demo claims opened a contradiction the demo file does not expect: “${view.summary}”.`);
      this.contradictions.set(entry.key, { id, status: view.status });
    }
    const missing = expected.find((c) => !this.contradictions.has(c.key));
    if (missing) {
      throw new DemoError(
        `Demo contradiction "${missing.key}": the detector found no conflict between ${missing.detected!.members.map((k) => `"${k}"`).join(", ")} on "${missing.detected!.attribute}".`,
      );
    }
  }

  private async flag(contradiction: DemoContradiction): Promise<void> {
    const flag = contradiction.flag!;
    const { id } = await step(`Demo contradiction "${contradiction.key}"`, () =>
      createContradiction(
        this.editor,
        parseInput(createContradictionSchema, {
          annotationIds: flag.annotations.map((key) => this.annotationId(key)),
          summary: flag.summary,
          ...(flag.attribute ? { attribute: flag.attribute } : {}),
          ...(flag.event ? { eventId: this.eventId(flag.event) } : {}),
          ...(flag.entity ? { entityId: this.entityId(flag.entity) } : {}),
        }),
      ),
    );
    this.contradictions.set(contradiction.key, { id, status: "OPEN" });
  }

  private async resolve(contradiction: DemoContradiction): Promise<void> {
    const { resolution, signOff } = contradiction;
    if (!resolution) return;
    const entry = this.contradictions.get(contradiction.key)!;
    const label = `Demo contradiction "${contradiction.key}"`;
    const { version } = await getContradiction(this.editor, entry.id);
    let state = await step(`${label}, resolution`, () =>
      resolveContradiction(
        this.editor,
        entry.id,
        parseInput(resolveContradictionSchema, {
          version,
          resolution: resolution.kind,
          ...(resolution.accept ? { acceptedClaimId: this.claims.get(resolution.accept) } : {}),
          rationale: resolution.rationale,
          evidenceAnnotationIds: resolution.evidence.map((key) => this.annotationId(key)),
        }),
      ),
    );
    if (signOff) {
      const resolved = state;
      state = await step(`${label}, sign-off`, () =>
        signOffContradiction(this.analyst, entry.id, parseInput(signOffContradictionSchema, { version: resolved.version, comment: signOff.comment })),
      );
    }
    entry.status = state.status.toUpperCase() as ContradictionStatus;
  }

  // ───────────────────────────── briefing ─────────────────────────────

  private async composeBriefing(): Promise<NonNullable<DemoSummary["briefing"]>> {
    const spec = this.demo.briefing!;
    const label = `Demo briefing "${spec.slug}"`;
    const created = await step(label, () =>
      createBriefing(
        this.editor,
        parseInput(createBriefingSchema, { title: spec.title, slug: spec.slug, summary: spec.summary ?? null, body: this.briefingDoc(spec.body) }),
      ),
    );
    await step(`${label}, submission`, () => submitBriefing(this.editor, created.id, parseInput(submitBriefingSchema, { comment: spec.submitComment })));
    const approved = await step(`${label}, approval`, () =>
      approveBriefing(this.analyst, created.id, parseInput(approveBriefingSchema, { version: created.version, comment: spec.approveComment })),
    );
    if (!spec.publish) return { id: approved.id, slug: approved.slug, status: approved.status, path: null };
    const published = await step(`${label}, publication`, () => publishBriefing(this.editor, created.id, {}));
    return { id: created.id, slug: published.slug, status: "PUBLISHED", path: published.path };
  }

  private briefingDoc(blocks: readonly DemoBlock[]): BriefingDoc {
    return { type: "doc", content: blocks.map((block) => this.block(block)) };
  }

  private block(block: DemoBlock): TopBlockNode {
    if ("heading" in block) return { type: "heading", attrs: { level: block.level }, content: this.inline(block.heading) };
    if ("paragraph" in block) return { type: "paragraph", content: this.inline(block.paragraph) };
    if ("bullets" in block) {
      return { type: "bulletList", content: block.bullets.map((item) => ({ type: "listItem", content: [{ type: "paragraph", content: this.inline(item) }] })) };
    }
    if ("timeline" in block) return { type: "timeline", attrs: { eventIds: block.timeline.map((key) => this.eventId(key)) } };
    if ("disagreements" in block)
      return { type: "disagreements", attrs: { contradictionIds: block.disagreements.map((key) => this.contradictions.get(key)!.id) } };
    return { type: "keyActors", attrs: { entityIds: block.keyActors.map((key) => this.entityId(key)) } };
  }

  private inline(segments: readonly DemoSegment[]): InlineNode[] {
    return segments.map((segment): InlineNode => {
      if (typeof segment === "string") return { type: "text", text: segment };
      if ("text" in segment) {
        const marks = [...(segment.bold ? [{ type: "bold" as const }] : []), ...(segment.italic ? [{ type: "italic" as const }] : [])];
        return marks.length > 0 ? { type: "text", text: segment.text, marks } : { type: "text", text: segment.text };
      }
      if ("cite" in segment) {
        // The composer labels a citation with the outlets of its passages.
        const outlets = segment.cite.map((key) => {
          const article = this.articles.get(this.annotations.get(key)!.articleKey)!;
          return article.outlet ?? article.title;
        });
        return { type: "citation", attrs: { annotationIds: segment.cite.map((key) => this.annotationId(key)), label: [...new Set(outlets)].join("; ") } };
      }
      if ("entity" in segment) {
        const entity = this.entities.get(segment.entity)!;
        return { type: "entityMention", attrs: { entityId: entity.id, label: segment.label ?? entity.name } };
      }
      const event = this.events.get(segment.event)!;
      return { type: "eventRef", attrs: { eventId: event.id, label: segment.label ?? event.title } };
    });
  }
}
