/**
 * Feeds the hostile payloads through every place text enters Concord, through the JSON API
 * as an editor and an analyst would, up to a published (and a retracted) briefing. The same
 * code runs against the route handlers in-process (integration) and against a running
 * server (end to end): the caller supplies `call`.
 */
import { HOSTILE_PAYLOADS, packPayloads, type HostilePayload } from "./hostile-payloads";

export type HostileRole = "editor" | "analyst";
// biome-ignore lint/suspicious/noExplicitAny: response bodies differ by endpoint; each test reads the fields it asserts on.
export type HostileResult = { status: number; json: any };
export type HostileCall = (as: HostileRole, method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown) => Promise<HostileResult>;

/** One offer of payloads to an entry point, and what the server answered. */
export type HostileAttempt = { surface: string; payloadIds: string[]; status: number };

export type HostileWorld = {
  tag: string;
  articleIds: { html: string; text: string; metadata: string[] };
  /** One annotation per payload, quoting the article paragraph that holds it. */
  annotationIds: string[];
  entityIds: string[];
  eventIds: string[];
  contradictionIds: string[];
  claimAnnotationIds: string[];
  briefing: { id: string; slug: string; publicPath: string };
  retracted: { id: string; slug: string };
  attempts: HostileAttempt[];
};

/** Surfaces where some payload must be stored (not only refused) for the run to prove anything. */
export const STORING_SURFACES = [
  "import html",
  "import text",
  "article metadata",
  "annotation quote",
  "annotation comment",
  "annotation tags",
  "reply",
  "review comment",
  "entity name and aliases",
  "entity description",
  "event title and description",
  "claim text value",
  "contradiction summary",
  "resolution rationale",
  "sign-off comment",
  "briefing title and summary",
  "briefing body",
  "briefing review comment",
  "change note",
  "retraction note",
] as const;

class ScenarioError extends Error {}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const idFromIri = (iri: string) => iri.split("/").pop()!;
const textDoc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const ids = (payloads: readonly HostilePayload[]) => payloads.map((payload) => payload.id);
const shortPayloads = (max: number) => HOSTILE_PAYLOADS.filter((payload) => payload.text.length <= max);

/** The sentence around each payload in the imported article, so an annotation can quote it. */
export const payloadSentence = (payload: HostilePayload) => `Delegates quoted ${payload.id} as saying ${payload.text} during the talks.`;

export async function seedHostileContent(call: HostileCall, tag: string): Promise<HostileWorld> {
  const attempts: HostileAttempt[] = [];
  const record = (surface: string, payloadIds: string[], status: number) => attempts.push({ surface, payloadIds, status });

  async function expectStatus(as: HostileRole, method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body: unknown, statuses: number[]) {
    const result = await call(as, method, path, body);
    if (!statuses.includes(result.status))
      throw new ScenarioError(`${method} ${path}: expected ${statuses.join("/")}, got ${result.status}: ${JSON.stringify(result.json)?.slice(0, 600)}`);
    return result.json;
  }

  // ── Imports: a saved web page with the payloads as markup and as text, and pasted text. ──
  const html = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile html ${tag} ${escapeHtml(HOSTILE_PAYLOADS[0].text)}</title>`,
    `<meta property="og:site_name" content="${escapeHtml(`Outlet ${tag} "><img src=x onerror=window.__xss('x33')>`)}">`,
    `<meta name="author" content="${escapeHtml(HOSTILE_PAYLOADS[5].text)}">`,
    `<meta property="og:description" content="${escapeHtml(HOSTILE_PAYLOADS[12].text)}">`,
    `<link rel="canonical" href="javascript:window.__xss('x13')">`,
    `<meta property="article:published_time" content="2025-05-20T10:00:00Z">`,
    `<script>window.__xss('x01')</script></head><body onload="window.__xss('x08')"><article><h1>Hostile html ${tag}</h1>`,
    `<p>GENEVA. Negotiators met for six hours on Tuesday, a delegate said. A second round is planned for June.</p>`,
    ...HOSTILE_PAYLOADS.map((payload) => `<p>${escapeHtml(payloadSentence(payload))}</p>`),
    `<p>Officials declined to comment on the agenda.</p></article>`,
    `<aside>${HOSTILE_PAYLOADS.map((payload) => payload.text).join("\n")}</aside></body></html>`,
  ].join("\n");
  const htmlImport = await call("editor", "POST", "/api/articles", { html, filename: `hostile-${tag}-"><img src=x onerror=window.__xss('x33')>.html` });
  record("import html", ids(HOSTILE_PAYLOADS), htmlImport.status);
  if (htmlImport.status !== 201) throw new ScenarioError(`HTML import: ${htmlImport.status} ${JSON.stringify(htmlImport.json)}`);
  const htmlArticle = htmlImport.json as { id: string; text: string; version: number };

  const pasted = [
    `Hostile text ${tag}`,
    `Source: https://news.example/${tag}/hostile`,
    "GENEVA. Negotiators met for six hours on Tuesday, a delegate said.",
    ...HOSTILE_PAYLOADS.map(payloadSentence),
  ].join("\n\n");
  const textImport = await call("editor", "POST", "/api/articles", { text: pasted });
  record("import text", ids(HOSTILE_PAYLOADS), textImport.status);
  if (textImport.status !== 201) throw new ScenarioError(`text import: ${textImport.status} ${JSON.stringify(textImport.json)}`);

  // ── Article metadata: title, outlet and author, on articles of their own. ──
  const metadataArticles: { id: string; text: string }[] = [];
  const metadataPieces = packPayloads(200, { separator: " " });
  for (const [index, piece] of metadataPieces.entries()) {
    const text = `Hostile metadata ${tag} ${index}\n\nGENEVA. Negotiators met for ${index + 2} hours on Tuesday, a delegate said.`;
    const imported = await expectStatus("editor", "POST", "/api/articles", { text }, [201]);
    const inPiece = HOSTILE_PAYLOADS.filter((payload) => piece.includes(payload.text));
    const patched = await call("editor", "PATCH", `/api/articles/${imported.id}`, { version: imported.version, title: piece, outlet: piece, author: piece });
    record("article metadata", ids(inPiece), patched.status);
    metadataArticles.push({ id: imported.id, text: imported.text });
  }
  const urlPayloads = HOSTILE_PAYLOADS.filter((payload) => payload.family === "javascript-url");
  for (const payload of urlPayloads) {
    const current = await expectStatus("editor", "GET", `/api/articles/${metadataArticles[0].id}`, undefined, [200]);
    record(
      "article url",
      [payload.id],
      (await call("editor", "PATCH", `/api/articles/${metadataArticles[0].id}`, { version: current.version, url: payload.text })).status,
    );
  }

  // ── Annotations: one per payload, quoting its sentence, with the payload as comment and tag. ──
  const selectorFor = (articleId: string, text: string, quote: string) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new ScenarioError(`"${quote}" is not in article ${articleId}`);
    return {
      source: articleId,
      selector: [
        { type: "TextQuoteSelector", exact: quote },
        { type: "TextPositionSelector", start, end: start + quote.length },
      ],
    };
  };
  const annotationIds: string[] = [];
  for (const payload of HOSTILE_PAYLOADS) {
    // The importer normalizes some characters (zero-width, line separators); fall back to the id's words.
    const sentence = payloadSentence(payload);
    const quote = htmlArticle.text.includes(sentence) ? sentence : `Delegates quoted ${payload.id} as saying`;
    const target = selectorFor(htmlArticle.id, htmlArticle.text, quote);
    const tag40 = payload.text.trim().slice(0, 40);
    let created = await call("editor", "POST", "/api/annotations", { target, body: { kind: "quote", comment: textDoc(payload.text), tags: [tag40] } });
    record("annotation comment", [payload.id], created.status);
    record("annotation tags", [payload.id], created.status);
    if (created.status === 422) {
      created = await call("editor", "POST", "/api/annotations", { target, body: { kind: "quote", tags: [tag40] } });
      record("annotation tags", [payload.id], created.status);
    }
    if (created.status === 422) created = await call("editor", "POST", "/api/annotations", { target, body: { kind: "quote" } });
    record("annotation quote", [payload.id], created.status);
    if (created.status !== 201) throw new ScenarioError(`annotation on ${payload.id}: ${created.status} ${JSON.stringify(created.json)}`);
    annotationIds.push(idFromIri(created.json.id));
  }

  // Comment documents the editor cannot produce: links to scripts, smuggled attributes and nodes.
  const plainTarget = selectorFor(htmlArticle.id, htmlArticle.text, "Negotiators met for six hours on Tuesday");
  const smuggled: [string, unknown][] = [
    ...urlPayloads.map((payload): [string, unknown] => [
      payload.id,
      {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "open", marks: [{ type: "link", attrs: { href: payload.text.trim() } }] }] }],
      },
    ]),
    ["x12", { type: "doc", content: [{ type: "paragraph", attrs: { onclick: "window.__xss('x12')" }, content: [{ type: "text", text: "attrs" }] }] }],
    ["x06", { type: "doc", content: [{ type: "image", attrs: { src: "x", onerror: "window.__xss('x06')" } }] }],
    [
      "x13",
      {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "https", marks: [{ type: "link", attrs: { href: "https://example.com/", onclick: "window.__xss('x13')" } }] }],
          },
        ],
      },
    ],
  ];
  for (const [payloadId, comment] of smuggled) {
    record(
      "annotation comment",
      [payloadId],
      (await call("editor", "POST", "/api/annotations", { target: plainTarget, body: { kind: "note", comment } })).status,
    );
  }
  const w3cHtmlBody = [
    { purpose: "classifying", value: "note" },
    { purpose: "commenting", format: "text/html", value: HOSTILE_PAYLOADS.map((p) => p.text).join("\n") },
  ];
  record("annotation comment", ids(HOSTILE_PAYLOADS), (await call("editor", "POST", "/api/annotations", { target: plainTarget, body: w3cHtmlBody })).status);
  const editable = await expectStatus("editor", "GET", `/api/annotations/${annotationIds[0]}`, undefined, [200]);
  const linkPatch = { version: editable["concord:version"], comment: smuggled[0][1] };
  record("annotation comment", [smuggled[0][0]], (await call("editor", "PATCH", `/api/annotations/${annotationIds[0]}`, linkPatch)).status);

  // ── Replies (both roles) and review comments. ──
  for (const [index, payload] of HOSTILE_PAYLOADS.entries()) {
    const as: HostileRole = index % 2 === 0 ? "editor" : "analyst";
    record("reply", [payload.id], (await call(as, "POST", `/api/annotations/${annotationIds[index]}/replies`, { body: payload.text })).status);
  }
  const reviewedVersions: number[] = [];
  for (const [index, payload] of HOSTILE_PAYLOADS.entries()) {
    const reviewed = await call("analyst", "POST", `/api/annotations/${annotationIds[index]}/review`, { decision: "approve", comment: payload.text });
    record("review comment", [payload.id], reviewed.status);
    if (reviewed.status !== 200) throw new ScenarioError(`review of ${payload.id}: ${reviewed.status} ${JSON.stringify(reviewed.json)}`);
    reviewedVersions.push(reviewed.json["concord:version"]);
  }

  // ── Entities: names and aliases (200 characters each), descriptions, external ids. ──
  // Names refuse text-direction controls (422): those payloads are tried on their own.
  const entityIds: string[] = [];
  const descriptions = packPayloads(2000);
  const namePayloads = HOSTILE_PAYLOADS.filter((payload) => !/[\u202A-\u202E\u2066-\u2069]/.test(payload.text));
  for (const payload of HOSTILE_PAYLOADS.filter((candidate) => !namePayloads.includes(candidate))) {
    const refused = await call("editor", "POST", "/api/entities", { type: "person", name: `${tag} ${payload.text}`, confirmDuplicate: true });
    record("entity name with a text-direction control", [payload.id], refused.status);
    if (refused.status !== 422) throw new ScenarioError(`entity name with a text-direction control: ${refused.status} ${JSON.stringify(refused.json)}`);
  }
  for (const [index, name] of packPayloads(200, { prefix: `${tag} `, payloads: namePayloads }).entries()) {
    const inPiece = namePayloads.filter((payload) => name.includes(payload.text));
    const created = await call("editor", "POST", "/api/entities", {
      type: "person",
      name,
      aliases: packPayloads(200, { payloads: namePayloads }).slice(0, 100),
      description: descriptions[index % descriptions.length],
      externalId: shortPayloads(100)[index % shortPayloads(100).length].text,
      confirmDuplicate: true,
    });
    record("entity name and aliases", ids(inPiece), created.status);
    record("entity description", ids(HOSTILE_PAYLOADS.filter((payload) => descriptions[index % descriptions.length].includes(payload.text))), created.status);
    if (created.status !== 201) throw new ScenarioError(`entity: ${created.status} ${JSON.stringify(created.json)}`);
    entityIds.push(created.json.id);
  }

  // ── Events: titles, descriptions, participant roles; dated, so they are on the timeline. ──
  const eventIds: string[] = [];
  const roles = packPayloads(80, { payloads: shortPayloads(80) });
  for (const [index, title] of packPayloads(300).entries()) {
    const description = packPayloads(5000)[0];
    const created = await call("editor", "POST", "/api/events", {
      type: "meeting",
      title,
      description,
      date: { localDate: `2025-05-${String(10 + (index % 15)).padStart(2, "0")}`, precision: "day" },
      participants: [{ entityId: entityIds[index % entityIds.length], role: roles[index % roles.length] }],
      confirmDuplicate: true,
    });
    record(
      "event title and description",
      ids(HOSTILE_PAYLOADS.filter((payload) => title.includes(payload.text) || description.includes(payload.text))),
      created.status,
    );
    if (created.status !== 201) throw new ScenarioError(`event: ${created.status} ${JSON.stringify(created.json)}`);
    eventIds.push(created.json.id);
  }
  const [event] = eventIds;
  await expectStatus(
    "editor",
    "POST",
    "/api/links",
    { annotationId: annotationIds[0], targetType: "entity", targetId: entityIds[0], relation: "mentions" },
    [201],
  );
  await expectStatus("editor", "POST", "/api/links", { annotationId: annotationIds[1], targetType: "event", targetId: event, relation: "describes" }, [201]);

  // ── Claims: free-text values on one event from two outlets, and a hostile attribute name. ──
  const claimTexts = packPayloads(2000);
  const claimSources = [
    { articleId: htmlArticle.id, text: htmlArticle.text, quote: "Negotiators met for six hours on Tuesday" },
    { articleId: metadataArticles[0].id, text: metadataArticles[0].text, quote: "Negotiators met for 2 hours on Tuesday" },
  ];
  const claimAnnotationIds: string[] = [];
  for (const [index, source] of claimSources.entries()) {
    const { selector } = selectorFor(source.articleId, source.text, source.quote);
    const position = selector[1] as { start: number; end: number };
    const value = { type: "text", text: claimTexts[index % claimTexts.length] + (index === 0 ? "" : ` (${tag})`) };
    const created = await call("editor", "POST", "/api/claims", {
      annotation: { articleId: source.articleId, start: position.start, end: position.end, exact: source.quote },
      eventId: event,
      attribute: "outcome",
      value,
    });
    record("claim text value", ids(HOSTILE_PAYLOADS.filter((payload) => value.text.includes(payload.text))), created.status);
    if (created.status !== 201) throw new ScenarioError(`claim: ${created.status} ${JSON.stringify(created.json)}`);
    claimAnnotationIds.push(created.json.claim.annotationId);
  }
  for (const payload of shortPayloads(60)) {
    const attempt = await call("editor", "POST", "/api/claims", {
      annotationId: claimAnnotationIds[0],
      eventId: event,
      attribute: payload.text,
      value: { type: "text", text: "x" },
    });
    record("claim attribute", [payload.id], attempt.status);
  }
  for (const id of claimAnnotationIds) await expectStatus("analyst", "POST", `/api/annotations/${id}/review`, { decision: "approve" }, [200]);

  // ── Contradictions: a hostile summary, then every unsettled one on the event disclosed and signed off. ──
  // Flagged by hand between passages of one article, so detection cannot have flagged them already.
  for (const [index, summary] of packPayloads(1000).entries()) {
    const members = [annotationIds[2 * index + 2], annotationIds[2 * index + 3]];
    const flagged = await call("editor", "POST", "/api/contradictions", {
      annotationIds: members,
      summary,
      internal: true,
      eventId: event,
      attribute: "outcome",
    });
    record("contradiction summary", ids(HOSTILE_PAYLOADS.filter((payload) => summary.includes(payload.text))), flagged.status);
  }
  const listed = await expectStatus("editor", "GET", `/api/contradictions?eventId=${event}`, undefined, [200]);
  const contradictionIds: string[] = listed.contradictions.map((item: { id: string }) => item.id);
  const rationale = packPayloads(5000)[0];
  for (const id of contradictionIds) {
    let current = await expectStatus("editor", "GET", `/api/contradictions/${id}`, undefined, [200]);
    if (current.status === "open") {
      const resolved = await call("editor", "POST", `/api/contradictions/${id}/resolution`, { version: current.version, resolution: "disclose", rationale });
      record("resolution rationale", ids(HOSTILE_PAYLOADS), resolved.status);
      if (resolved.status !== 200) throw new ScenarioError(`resolution: ${resolved.status} ${JSON.stringify(resolved.json)}`);
      current = resolved.json.contradiction;
    }
    if (current.status === "awaiting_signoff") {
      const signed = await call("analyst", "POST", `/api/contradictions/${id}/signoff`, { version: current.version, comment: rationale });
      record("sign-off comment", ids(HOSTILE_PAYLOADS), signed.status);
      if (signed.status !== 200) throw new ScenarioError(`sign-off: ${signed.status} ${JSON.stringify(signed.json)}`);
    }
  }

  // ── The briefing: hostile title, summary, body (with smuggled nodes and attributes), review comments, change notes. ──
  const body = (extra: string) => ({
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2, onclick: "window.__xss('x12')" }, content: [{ type: "text", text: HOSTILE_PAYLOADS[0].text }] },
      ...HOSTILE_PAYLOADS.map((payload, index) => ({
        type: "paragraph",
        attrs: { style: "background:url(javascript:window.__xss('x44'))", onmouseover: `window.__xss('${payload.id}')` },
        content: [
          { type: "text", text: `${payload.text} ${extra}` },
          { type: "citation", attrs: { annotationIds: [annotationIds[index]], label: payload.text.slice(0, 300), onclick: `window.__xss('${payload.id}')` } },
        ],
      })),
      {
        type: "paragraph",
        content: [
          ...urlPayloads.map((payload) => ({ type: "text", text: `link ${payload.id} `, marks: [{ type: "link", attrs: { href: payload.text.trim() } }] })),
          {
            type: "text",
            text: "smuggled",
            marks: [{ type: "link", attrs: { href: "https://example.com/", onclick: "window.__xss('x13')", target: "javascript:window.__xss('x13')" } }],
          },
          { type: "entityMention", attrs: { entityId: entityIds[0], label: HOSTILE_PAYLOADS[32].text } },
          { type: "eventRef", attrs: { eventId: event, label: HOSTILE_PAYLOADS[33].text } },
          { type: "image", attrs: { src: "x", onerror: "window.__xss('x06')" } },
          { type: "html", text: HOSTILE_PAYLOADS[0].text },
        ],
      },
      { type: "script", content: [{ type: "text", text: HOSTILE_PAYLOADS[1].text }] },
      { type: "timeline", attrs: { eventIds } },
      { type: "disagreements", attrs: { contradictionIds } },
      { type: "keyActors", attrs: { entityIds } },
    ],
  });
  const titles = packPayloads(200);
  const summary = packPayloads(600)[0];
  const slug = `hostile-${tag}`;
  const created = await call("editor", "POST", "/api/briefings", { title: titles[0], slug, summary, body: body("") });
  record(
    "briefing title and summary",
    ids(HOSTILE_PAYLOADS.filter((payload) => titles[0].includes(payload.text) || summary.includes(payload.text))),
    created.status,
  );
  record("briefing body", ids(HOSTILE_PAYLOADS), created.status);
  if (created.status !== 201) throw new ScenarioError(`briefing: ${created.status} ${JSON.stringify(created.json)}`);
  const briefingId: string = created.json.briefing.id;
  const reviewComments = packPayloads(2000);
  record(
    "briefing review comment",
    ids(HOSTILE_PAYLOADS),
    (await call("editor", "POST", `/api/briefings/${briefingId}/submit`, { comment: reviewComments[0] })).status,
  );
  record(
    "briefing review comment",
    ids(HOSTILE_PAYLOADS),
    (await call("analyst", "POST", `/api/briefings/${briefingId}/return`, { comment: reviewComments[0] })).status,
  );
  await expectStatus("editor", "POST", `/api/briefings/${briefingId}/submit`, {}, [200]);
  let draft = await expectStatus("analyst", "GET", `/api/briefings/${briefingId}`, undefined, [200]);
  record(
    "briefing review comment",
    ids(HOSTILE_PAYLOADS),
    (await call("analyst", "POST", `/api/briefings/${briefingId}/approve`, { version: draft.briefing.version, comment: reviewComments[0] })).status,
  );
  const notes = packPayloads(1000);
  const publish = async (note: string) => {
    const published = await call("editor", "POST", `/api/briefings/${briefingId}/publish`, { note });
    record("change note", ids(HOSTILE_PAYLOADS.filter((payload) => note.includes(payload.text))), published.status);
    if (published.status !== 200) throw new ScenarioError(`publish: ${published.status} ${JSON.stringify(published.json)}`);
    return published.json as { path: string };
  };
  await publish(notes[0]);
  draft = await expectStatus("editor", "GET", `/api/briefings/${briefingId}`, undefined, [200]);
  await expectStatus(
    "editor",
    "PATCH",
    `/api/briefings/${briefingId}`,
    { version: draft.briefing.version, title: titles[1 % titles.length], body: body("(updated)") },
    [200],
  );
  await expectStatus("editor", "POST", `/api/briefings/${briefingId}/submit`, {}, [200]);
  draft = await expectStatus("analyst", "GET", `/api/briefings/${briefingId}`, undefined, [200]);
  await expectStatus("analyst", "POST", `/api/briefings/${briefingId}/approve`, { version: draft.briefing.version }, [200]);
  const { path: publicPath } = await publish(notes[1 % notes.length]);

  // ── A second briefing, published and then retracted with a hostile note. ──
  const other = await expectStatus(
    "editor",
    "POST",
    "/api/briefings",
    { title: `Hostile retracted ${tag}`, slug: `hostile-retracted-${tag}`, body: textDoc(HOSTILE_PAYLOADS[2].text) },
    [201],
  );
  const otherId: string = other.briefing.id;
  await expectStatus("editor", "POST", `/api/briefings/${otherId}/submit`, {}, [200]);
  await expectStatus("analyst", "POST", `/api/briefings/${otherId}/approve`, {}, [200]);
  await expectStatus("editor", "POST", `/api/briefings/${otherId}/publish`, {}, [200]);
  record(
    "retraction note",
    ids(HOSTILE_PAYLOADS.filter((payload) => notes[0].includes(payload.text))),
    (await call("editor", "POST", `/api/briefings/${otherId}/retract`, { note: notes[0] })).status,
  );

  // Edited after publication, the passages go back to the review queue, where their comments show too.
  for (const [index, id] of annotationIds.entries()) {
    await expectStatus("editor", "PATCH", `/api/annotations/${id}`, { version: reviewedVersions[index], kind: "note" }, [200]);
  }

  return {
    tag,
    articleIds: { html: htmlArticle.id, text: textImport.json.id, metadata: metadataArticles.map((article) => article.id) },
    annotationIds,
    entityIds,
    eventIds,
    contradictionIds,
    claimAnnotationIds,
    briefing: { id: briefingId, slug, publicPath },
    retracted: { id: otherId, slug: `hostile-retracted-${tag}` },
    attempts,
  };
}
