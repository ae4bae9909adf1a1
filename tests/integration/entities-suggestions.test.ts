import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as listSuggestionsRoute } from "@/app/api/articles/[id]/suggestions/route";
import { POST as createEntityRoute } from "@/app/api/entities/route";
import { POST as acceptRoute } from "@/app/api/suggestions/[id]/accept/route";
import { POST as dismissRoute } from "@/app/api/suggestions/[id]/dismiss/route";
import { db } from "@/lib/db";
import { addEntityAliases } from "@/lib/entities/mutations";
import { registrySuggestionsJob } from "@/lib/entities/suggestion-jobs";
import { refreshArticleSuggestions } from "@/lib/entities/suggestion-refresh";
import type { SuggestionView } from "@/lib/entities/suggestions";
import { jobQueue } from "@/lib/jobs/queue";
import { stopWorkers } from "@/lib/workers/pool";
import { callRoute } from "../support/api";
import { makeArticle } from "../support/article-fixtures";
import { makeToken, makeUser } from "../support/fixtures";

/** Letters only, so a tagged name stays one word: "Putin" + "hkj" → "Putinhkj". */
const tag = () =>
  randomBytes(3)
    .toString("hex")
    .replace(/\d/g, (d) => "ghijklmnop"[Number(d)]);

async function setup() {
  const editor = await makeUser("EDITOR");
  const token = await makeToken(editor);
  const entity = async (body: Record<string, unknown>) => {
    const response = await callRoute(createEntityRoute, { method: "POST", token, body });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    return response.json.id as string;
  };
  return { editor, token, t: tag(), entity };
}

async function suggestions(token: string, articleId: string): Promise<SuggestionView[]> {
  const response = await callRoute(listSuggestionsRoute, { token, params: { id: articleId } });
  expect(response.status).toBe(200);
  return response.json.suggestions;
}

describe("mention suggestions", () => {
  it("keeps finding known entities after the worker thread restarted without the registry", async () => {
    const { editor, token, t, entity } = await setup();
    const lavrov = await entity({ type: "person", name: `Sergei Lavrov${t}`, aliases: [`Lavrov${t}`] });
    const first = await makeArticle(editor, { text: `Lavrov${t} spoke first.` });
    await refreshArticleSuggestions(first.articleId);
    // An idle thread stops and forgets its matcher; the next article must still be matched.
    await stopWorkers();
    const second = await makeArticle(editor, { text: `Later, Sergei Lavrov${t} answered.` });
    await refreshArticleSuggestions(second.articleId);

    const found = (await suggestions(token, second.articleId)).filter((s) => s.entity?.id === lavrov);
    expect(found.map((s) => s.exact)).toEqual([`Sergei Lavrov${t}`]);
  });

  it("finds known entities by name and alias, possessives included, and accepting creates a linked mention annotation", async () => {
    const { editor, token, t, entity } = await setup();
    const putin = await entity({ type: "person", name: `Vladimir Putin${t}`, aliases: [`Putin${t}`] });
    await entity({ type: "place", name: `Kyiv${t}`, aliases: [`Kiev${t}`] });
    const text = `Vladimir Putin${t}'s envoy flew to Kiev${t} on Monday. Later, Putin${t} said nothing about KYIV${t}.`;
    const article = await makeArticle(editor, { text });
    await refreshArticleSuggestions(article.articleId);

    const open = await suggestions(token, article.articleId);
    const known = open.filter((s) => s.entity);
    expect(known.map((s) => `${s.entity!.id === putin ? "putin" : "kyiv"}:${s.exact}`)).toEqual([
      `putin:Vladimir Putin${t}`,
      `kyiv:Kiev${t}`,
      `putin:Putin${t}`,
      `kyiv:KYIV${t}`,
    ]);
    expect(known.every((s) => !s.ambiguous)).toBe(true);

    const first = known[0];
    const accepted = await callRoute(acceptRoute, { method: "POST", token, params: { id: first.id } });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    const annotation = await db.annotation.findUniqueOrThrow({ where: { id: accepted.json.annotationId }, include: { links: true } });
    expect(annotation).toMatchObject({ kind: "mention", start: first.start, end: first.end, exact: `Vladimir Putin${t}`, authorId: editor.id });
    expect(annotation.links).toEqual([expect.objectContaining({ targetType: "ENTITY", entityId: putin, relation: "MENTIONS" })]);

    await refreshArticleSuggestions(article.articleId);
    const after = await suggestions(token, article.articleId);
    expect(after.map((s) => s.id)).not.toContain(first.id);
    expect(after.filter((s) => s.entity?.id === putin)).toHaveLength(1);
    const again = await callRoute(acceptRoute, { method: "POST", token, params: { id: first.id } });
    expect(again.status).toBe(409);
  });

  it("remembers a dismissal when suggestions are computed again", async () => {
    const { editor, token, t, entity } = await setup();
    await entity({ type: "organization", name: `Kremlin${t}`, aliases: [`the Kremlin${t}`] });
    const article = await makeArticle(editor, { text: `A spokesman for the Kremlin${t} declined to comment.` });
    await refreshArticleSuggestions(article.articleId);
    const [only] = (await suggestions(token, article.articleId)).filter((s) => s.entity);
    expect(only.exact).toBe(`the Kremlin${t}`);
    const dismissed = await callRoute(dismissRoute, { method: "POST", token, params: { id: only.id } });
    expect(dismissed.json).toEqual({ dismissed: 1 });
    await refreshArticleSuggestions(article.articleId);
    expect((await suggestions(token, article.articleId)).filter((s) => s.entity)).toEqual([]);
    expect((await db.mentionSuggestion.findUniqueOrThrow({ where: { id: only.id } })).status).toBe("DISMISSED");
  });

  it("flags an alias shared by two entities as ambiguous; accepting one reading dismisses the other", async () => {
    const { editor, token, t, entity } = await setup();
    const senior = await entity({ type: "person", name: `Yuri Ushakov${t}`, aliases: [`Ushakov${t}`] });
    const junior = await entity({ type: "person", name: `Pavel Ushakov${t}`, aliases: [`Ushakov${t}`] });
    const article = await makeArticle(editor, { text: `Aide Ushakov${t} briefed reporters.` });
    await refreshArticleSuggestions(article.articleId);
    const open = (await suggestions(token, article.articleId)).filter((s) => s.entity);
    expect(open.map((s) => s.entity!.id).sort()).toEqual([senior, junior].sort());
    expect(open.every((s) => s.ambiguous && s.exact === `Ushakov${t}`)).toBe(true);

    const chosen = open.find((s) => s.entity!.id === senior)!;
    expect((await callRoute(acceptRoute, { method: "POST", token, params: { id: chosen.id } })).status).toBe(200);
    const other = open.find((s) => s.entity!.id === junior)!;
    expect((await db.mentionSuggestion.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("DISMISSED");
    const links = await db.link.findMany({ where: { entityId: { in: [senior, junior] } } });
    expect(links.map((l) => l.entityId)).toEqual([senior]);
  });

  it("proposes unknown people and places; accepting a proposal creates the entity, and an added alias is found in the background", async () => {
    const { editor, token, t } = await setup();
    const surname = `Peskov${t}`;
    const text = `Kremlin spokesman Dmitry ${surname} said on Monday that talks would continue. ${surname} added nothing.`;
    const article = await makeArticle(editor, { text });
    await refreshArticleSuggestions(article.articleId);
    const proposal = (await suggestions(token, article.articleId)).find((s) => s.proposedName === `Dmitry ${surname}`);
    expect(proposal).toMatchObject({ entity: null, proposedType: "PERSON", exact: `Dmitry ${surname}` });

    const accepted = await callRoute(acceptRoute, { method: "POST", token, params: { id: proposal!.id } });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    const created = await db.entity.findUniqueOrThrow({ where: { id: accepted.json.entityId } });
    expect(created).toMatchObject({ type: "PERSON", name: `Dmitry ${surname}` });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: accepted.json.annotationId } })).kind).toBe("mention");
    expect((await suggestions(token, article.articleId)).some((s) => s.proposedName === `Dmitry ${surname}`)).toBe(false);

    await addEntityAliases(editor, { entityId: created.id, aliases: [surname] });
    await jobQueue().start([registrySuggestionsJob]);
    await jobQueue().whenIdle([registrySuggestionsJob]);
    const known = (await suggestions(token, article.articleId)).filter((s) => s.entity?.id === created.id);
    expect(known.map((s) => s.exact)).toEqual([surname]);
  });

  it("dismissing a proposal silences every occurrence of that name", async () => {
    const { editor, token, t } = await setup();
    const name = `Dmitry Sokolov${t}`;
    const article = await makeArticle(editor, { text: `${name} spoke on Monday. On Tuesday ${name} left for the coast.` });
    await refreshArticleSuggestions(article.articleId);
    const proposals = (await suggestions(token, article.articleId)).filter((s) => s.proposedName === name);
    expect(proposals).toHaveLength(2);
    const dismissed = await callRoute(dismissRoute, { method: "POST", token, params: { id: proposals[0].id } });
    expect(dismissed.json.dismissed).toBe(2);
    await refreshArticleSuggestions(article.articleId);
    expect((await suggestions(token, article.articleId)).some((s) => s.proposedName === name)).toBe(false);
  });

  it("lets analysts see suggestions but not decide them", async () => {
    const { editor, t, entity } = await setup();
    await entity({ type: "place", name: `Moscow${t}` });
    const article = await makeArticle(editor, { text: `Talks in Moscow${t} ended.` });
    await refreshArticleSuggestions(article.articleId);
    const analyst = await makeToken(await makeUser("ANALYST"));
    const [s] = (await suggestions(analyst, article.articleId)).filter((x) => x.entity);
    expect((await callRoute(acceptRoute, { method: "POST", token: analyst, params: { id: s.id } })).status).toBe(403);
    expect((await callRoute(dismissRoute, { method: "POST", token: analyst, params: { id: s.id } })).status).toBe(403);
  });
});
