/**
 * Scores the proposal engine's output against a corpus whose truth is known: which articles
 * mention which happening (and where), the date each article's words allow, the claims each
 * article makes, and so which claims conflict across outlets.
 */
import { compareValues, type ClaimValue } from "@/lib/contradictions/claim-values";
import { normalizeName } from "@/lib/entities/match";
import type { Proposals, ProposalMention } from "@/lib/proposals/types";
import { kindsCompatible, type HappeningKind } from "@/lib/proposals/vocabulary";

export interface TruthMentionLike {
  event: string;
  kind: HappeningKind;
  start: number;
  end: number;
  date: string | null;
  precision: "day" | "month" | "week" | "year" | null;
  optional?: boolean;
}

export interface TruthClaimLike {
  event: string;
  attribute: string;
  value: ClaimValue;
}

export interface EvalArticle {
  id: string;
  outlet: string;
  publishedAt: string | null;
  text: string;
  mentions: TruthMentionLike[];
  claims: TruthClaimLike[];
}

export interface Ratio {
  hit: number;
  total: number;
  value: number | null;
}

const ratio = (hit: number, total: number): Ratio => ({ hit, total, value: total === 0 ? null : hit / total });

export interface Scores {
  mentions: { recall: Ratio; precision: Ratio };
  grouping: { precision: Ratio; recall: Ratio; f1: number | null };
  dates: { resolvable: Ratio; unresolvableLeftOpen: Ratio; errors: string[] };
  claims: { precision: Ratio; recall: Ratio; byAttribute: Record<string, Ratio>; missed: string[]; wrong: string[] };
  contradictions: { precision: Ratio; recall: Ratio; missed: string[]; wrong: string[] };
}

interface PredictedMention {
  key: string;
  articleId: string;
  proposalKey: string;
  trigger: number;
  /** 0, or the index of one of the happenings "separate calls to X and Y" names with one trigger ("#123.1"). */
  split: number;
  passages: { start: number; end: number }[];
  date: ProposalMention["date"];
  kind: HappeningKind;
  /** The truth unit (article + happening) it stands for, if any. */
  event: string | null;
}

const unitKey = (articleId: string, event: string) => `${articleId}\u0000${event}`;

function predictedMentions(proposals: Proposals, articles: Map<string, EvalArticle>): PredictedMention[] {
  const byKey = new Map<string, PredictedMention>();
  for (const p of proposals.events) {
    for (const m of p.mentions) {
      const position = m.annotation.selector[1];
      const existing = byKey.get(m.mentionKey);
      if (existing) {
        existing.passages.push({ start: position.start, end: position.end });
        continue;
      }
      const [trigger, split] = m.mentionKey.slice(m.mentionKey.lastIndexOf("#") + 1).split(".");
      byKey.set(m.mentionKey, {
        key: m.mentionKey,
        articleId: m.articleId,
        proposalKey: p.key,
        trigger: Number(trigger),
        split: Number(split ?? 0),
        passages: [{ start: position.start, end: position.end }],
        date: m.date,
        kind: p.kind,
        event: null,
      });
    }
  }
  for (const m of byKey.values()) {
    const truth = articles.get(m.articleId)?.mentions ?? [];
    const byTrigger = truth.find((t) => t.start <= m.trigger && m.trigger < t.end);
    const inPassage = (t: TruthMentionLike) => kindsCompatible(t.kind, m.kind) && m.passages.some((p) => p.start <= t.start && t.end <= p.end);
    const byPassage = truth.find(inPassage);
    // The split calls of one trigger are the happenings labelled from the trigger's on, in text order.
    const bySplit =
      byTrigger && m.split > 0 ? truth.filter((t) => t.start >= byTrigger.start && inPassage(t)).sort((a, b) => a.start - b.start)[m.split] : undefined;
    m.event = m.split > 0 ? (bySplit?.event ?? null) : ((byTrigger ?? byPassage)?.event ?? null);
  }
  return [...byKey.values()];
}

function dayPeriod(date: string, precision: string): [string, string] {
  if (precision === "year") return [`${date.slice(0, 4)}-01-01`, `${date.slice(0, 4)}-12-31`];
  if (precision === "month") {
    const [y, mo] = date.slice(0, 7).split("-").map(Number);
    return [`${date.slice(0, 7)}-01`, new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10)];
  }
  if (precision === "week") {
    const end = new Date(Date.parse(`${date}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    return [date, end];
  }
  return [date.slice(0, 10), date.slice(0, 10)];
}

function dateCorrect(truth: { date: string | null; precision: string | null }, predicted: ProposalMention["date"]): boolean {
  if (!truth.date || !truth.precision) return predicted.date === null;
  if (!predicted.date || !predicted.precision) return truth.precision === "week";
  const fine = (p: string) => p === "day" || p === "hour" || p === "minute";
  if (truth.precision === "day") return fine(predicted.precision) && predicted.date.slice(0, 10) === truth.date;
  if (truth.precision === "week") {
    if (fine(predicted.precision)) return false;
    const [a, b] = dayPeriod(truth.date, "week");
    const [c, d] = dayPeriod(predicted.date, predicted.precision);
    return c <= a && b <= d;
  }
  return predicted.precision === truth.precision && predicted.date.slice(0, truth.date.length) === truth.date.slice(0, truth.date.length);
}

/** Two names of one party: equal, or a person's surname alone ("Lavrov", "Sergei Lavrov"). */
function sameName(a: string, b: string): boolean {
  return a === b || a.split(" ").at(-1) === b.split(" ").at(-1);
}

/**
 * Entity ids read as names, so "Geneva" (text) and the Geneva entity are the same place; parties
 * the registry does not know are claimed by name ("Anna Berg, Samuel Okoro"), read as a set of names.
 */
function sameClaimValue(
  attribute: string,
  a: ClaimValue,
  b: ClaimValue,
  names: ReadonlyMap<string, string>,
  spellings: ReadonlyMap<string, string[]>,
): boolean {
  const nameOf = (id: string) => normalizeName(names.get(id) ?? id);
  if ((attribute === "participants" || attribute === "initiator") && (a.type === "text" || b.type === "text")) {
    // Each party as the names it goes by: a registry entity by all its spellings, a named one by its name.
    const asList = (v: ClaimValue) =>
      v.type === "entities"
        ? v.ids.map((id) => (spellings.get(id) ?? [id]).map(normalizeName))
        : v.type === "text"
          ? v.text.split(", ").map((n) => [normalizeName(n)])
          : [];
    const same = (x: string[], y: string[]) => x.some((n) => y.some((m) => sameName(n, m)));
    const [la, lb] = [asList(a), asList(b)];
    return la.length === lb.length && la.every((x) => lb.some((y) => same(x, y))) && lb.every((y) => la.some((x) => same(x, y)));
  }
  const asNames = (v: ClaimValue) => (v.type === "entities" ? v.ids.map(nameOf).sort().join("|") : v.type === "text" ? normalizeName(v.text) : null);
  const [na, nb] = [asNames(a), asNames(b)];
  if (na !== null && nb !== null) return na === nb || (a.type === "text" && b.type === "text" && (na.includes(nb) || nb.includes(na)));
  const relation = compareValues(a, b);
  if (a.type === "date" && b.type === "date") return relation === "identical" || relation === "compatible";
  return relation === "identical";
}

/**
 * `countryOf` maps a person's entity id to their country's: who initiated a call is the same party
 * whether a source names the minister or "the Canadian side".
 */
export function score(
  proposals: Proposals,
  corpus: EvalArticle[],
  entityNames: ReadonlyMap<string, string> = new Map(),
  countryOf: Readonly<Record<string, string>> = {},
  /** Conflicts known by hand ({ event, attribute }); without them they are computed from the claims. */
  knownConflicts?: { event: string; attribute: string }[],
  /** Every name each entity goes by, for claims naming parties the registry does not know. */
  spellings: ReadonlyMap<string, string[]> = new Map(),
): Scores {
  const party = (v: ClaimValue): ClaimValue => (v.type === "entities" ? { type: "entities", ids: v.ids.map((id) => countryOf[id] ?? id) } : v);
  const articles = new Map(corpus.map((a) => [a.id, a]));
  const predicted = predictedMentions(proposals, articles);

  // Mentions found.
  const required = corpus.flatMap((a) => a.mentions.filter((m) => !m.optional).map((m) => ({ article: a.id, m })));
  const found = required.filter(({ article, m }) =>
    predicted.some(
      (p) =>
        p.articleId === article &&
        p.event === m.event &&
        ((p.trigger >= m.start && p.trigger < m.end) || p.passages.some((q) => q.start <= m.start && m.end <= q.end)),
    ),
  );
  const mentions = { recall: ratio(found.length, required.length), precision: ratio(predicted.filter((p) => p.event).length, predicted.length) };

  // Grouping: pairs of mentions from different articles.
  const units = new Map<string, { article: string; event: string }>();
  for (const a of corpus) for (const m of a.mentions) if (!m.optional) units.set(unitKey(a.id, m.event), { article: a.id, event: m.event });
  const unitList = [...units.values()];
  const proposalsOfUnit = new Map<string, Set<string>>();
  for (const p of predicted)
    if (p.event) {
      const k = unitKey(p.articleId, p.event);
      proposalsOfUnit.set(k, (proposalsOfUnit.get(k) ?? new Set()).add(p.proposalKey));
    }
  let truePairs = 0;
  let recalledPairs = 0;
  for (let i = 0; i < unitList.length; i++) {
    for (let j = i + 1; j < unitList.length; j++) {
      const [u, w] = [unitList[i], unitList[j]];
      if (u.event !== w.event || u.article === w.article) continue;
      truePairs++;
      const pu = proposalsOfUnit.get(unitKey(u.article, u.event));
      const pw = proposalsOfUnit.get(unitKey(w.article, w.event));
      if (pu && pw && [...pu].some((k) => pw.has(k))) recalledPairs++;
    }
  }
  let predictedPairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < predicted.length; i++) {
    for (let j = i + 1; j < predicted.length; j++) {
      const [a, b] = [predicted[i], predicted[j]];
      if (a.articleId === b.articleId || a.proposalKey !== b.proposalKey) continue;
      predictedPairs++;
      if (a.event && a.event === b.event) correctPairs++;
    }
  }
  const gp = ratio(correctPairs, predictedPairs);
  const gr = ratio(recalledPairs, truePairs);
  const f1 = gp.value !== null && gr.value !== null && gp.value + gr.value > 0 ? (2 * gp.value * gr.value) / (gp.value + gr.value) : null;

  // Dates, per article and happening: the date of the unit's first dated mention is what the article allows.
  let resolvable = 0;
  let resolvedRight = 0;
  let unresolvable = 0;
  let leftOpen = 0;
  const errors: string[] = [];
  for (const a of corpus) {
    const events = [...new Set(a.mentions.filter((m) => !m.optional).map((m) => m.event))];
    for (const event of events) {
      const own = a.mentions.filter((m) => m.event === event);
      const truth = own.find((m) => m.date) ?? own[0];
      const mine = predicted
        .filter((p) => p.articleId === a.id && p.event === event)
        .sort((x, y) => (x.date.date ? 0 : 1) - (y.date.date ? 0 : 1) || x.trigger - y.trigger)[0];
      if (!mine) continue;
      const right = dateCorrect(truth, mine.date);
      if (truth.date && truth.precision !== "week") {
        resolvable++;
        if (right) resolvedRight++;
        else
          errors.push(
            `${a.id} ${event}: expected ${truth.date} (${truth.precision}), got ${mine.date.date ?? "none"} (${mine.date.precision ?? "-"}) «${mine.date.text ?? ""}» ${mine.date.note ?? ""}`,
          );
      } else if (!truth.date) {
        unresolvable++;
        if (right) leftOpen++;
        else errors.push(`${a.id} ${event}: expected no date, got ${mine.date.date} «${mine.date.text ?? ""}» ${mine.date.note ?? ""}`);
      }
    }
  }

  // Claims.
  const eventOfProposalInArticle = (proposalKey: string, articleId: string) => {
    const events = predicted.filter((p) => p.proposalKey === proposalKey && p.articleId === articleId && p.event).map((p) => p.event!);
    return events[0] ?? null;
  };
  let claimHits = 0;
  const byAttribute: Record<string, { hit: number; total: number }> = {};
  const matchedTruth = new Set<string>();
  const wrongClaims: string[] = [];
  const shown = (v: ClaimValue) => JSON.stringify(v.type === "entities" ? v.ids.map((id) => entityNames.get(id) ?? id) : v);
  for (const c of proposals.claims) {
    const event = eventOfProposalInArticle(c.proposalKey, c.articleId);
    const truths = (articles.get(c.articleId)?.claims ?? [])
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => t.event === event && t.attribute === c.attribute && sameClaimValue(c.attribute, t.value, c.value, entityNames, spellings));
    byAttribute[c.attribute] ??= { hit: 0, total: 0 };
    const attr = byAttribute[c.attribute];
    attr.total++;
    if (truths.length > 0) {
      claimHits++;
      attr.hit++;
      for (const { i } of truths) matchedTruth.add(`${c.articleId}#${i}`);
    } else wrongClaims.push(`${c.articleId} ${event ?? "(no happening)"} ${c.attribute}: ${shown(c.value)} «${c.quote}»`);
  }
  const truthClaims = corpus.reduce((n, a) => n + a.claims.length, 0);
  const missedClaims = corpus.flatMap((a) =>
    a.claims.flatMap((t, i) => (matchedTruth.has(`${a.id}#${i}`) ? [] : [`${a.id} ${t.event} ${t.attribute}: ${shown(t.value)}`])),
  );

  // Contradictions: happenings and attributes on which two outlets' claims conflict.
  const truthConflicts = new Set<string>();
  const claimsByEvent = new Map<string, { outlet: string; claim: TruthClaimLike }[]>();
  for (const a of corpus)
    for (const c of a.claims)
      claimsByEvent.set(`${c.event}\u0000${c.attribute}`, [...(claimsByEvent.get(`${c.event}\u0000${c.attribute}`) ?? []), { outlet: a.outlet, claim: c }]);
  for (const c of knownConflicts ?? []) truthConflicts.add(`${c.event}\u0000${c.attribute}`);
  for (const [key, list] of knownConflicts ? [] : claimsByEvent) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i].claim, list[j].claim];
        const [va, vb] = a.attribute === "initiator" || a.attribute === "participants" ? [party(a.value), party(b.value)] : [a.value, b.value];
        if (list[i].outlet !== list[j].outlet && compareValues(va, vb) === "conflict") truthConflicts.add(key);
      }
  }
  const majorityEvent = (proposalKey: string) => {
    const counts = new Map<string, number>();
    for (const p of predicted) if (p.proposalKey === proposalKey && p.event) counts.set(p.event, (counts.get(p.event) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  };
  const predictedConflicts = new Set(proposals.contradictions.map((c) => `${majorityEvent(c.proposalKey) ?? c.proposalKey}\u0000${c.attribute}`));
  const hits = [...predictedConflicts].filter((k) => truthConflicts.has(k));
  return {
    mentions,
    grouping: { precision: gp, recall: gr, f1 },
    dates: { resolvable: ratio(resolvedRight, resolvable), unresolvableLeftOpen: ratio(leftOpen, unresolvable), errors },
    claims: {
      precision: ratio(claimHits, proposals.claims.length),
      recall: ratio(matchedTruth.size, truthClaims),
      byAttribute: Object.fromEntries(Object.entries(byAttribute).map(([k, v]) => [k, ratio(v.hit, v.total)])),
      missed: missedClaims,
      wrong: wrongClaims,
    },
    contradictions: {
      precision: ratio(hits.length, predictedConflicts.size),
      recall: ratio(hits.length, truthConflicts.size),
      missed: [...truthConflicts].filter((k) => !predictedConflicts.has(k)).map((k) => k.replace("\u0000", " ")),
      wrong: [...predictedConflicts].filter((k) => !truthConflicts.has(k)).map((k) => k.replace("\u0000", " ")),
    },
  };
}
