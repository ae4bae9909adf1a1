import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { extractionDays, mergePeriods, type Period, type PersonKeys, personKeysOf, type Reach, reachOfMentions } from "@/lib/proposals/group";
import { buildRegistry } from "@/lib/proposals/names";
import { proposeAround, proposeFromExtractions } from "@/lib/proposals/propose";
import type { ArticleExtraction, EventProposal } from "@/lib/proposals/types";
import { generateNewsroom } from "@/scripts/eval/newsroom";

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;

const keysOf = extractionDays;

const overlaps = (a: Period, b: Period) => a.from <= b.to && b.from <= a.to;

/** A refresh's reads, over an array instead of the database: extractions in reach (and naming a person reached, or anyone) until the connected mentions reach no further. */
function aroundReadingOnlyTheReach(all: ArticleExtraction[], registry: ReturnType<typeof buildRegistry>, seeds: string[]) {
  const read = new Map(all.filter((e) => seeds.includes(e.articleId)).map((e) => [e.articleId, e]));
  const keysOfSeeds = new Set([...read.values()].flatMap((e) => e.mentions.flatMap((m) => m.participants.map((p) => p.key))));
  let reach: Reach = reachOfMentions([...read.values()].flatMap((e) => e.mentions));
  const readDated: Period[] = [];
  const readUndated: Period[] = [];
  let readPersons: PersonKeys | null = { any: [], solo: [], pairs: [] };
  for (let pass = 0; pass < 10; pass++) {
    for (const e of all) {
      const keys = keysOf(e);
      const persons = reach.persons;
      const naming =
        persons === null ||
        e.mentions.some((m) => {
          const k = personKeysOf(m.participants);
          return (
            !k ||
            m.participants.some((p) => persons.any.includes(p.key)) ||
            k.solo.some((p) => persons.solo.includes(p)) ||
            k.pairs.some((p) => persons.pairs.includes(p))
          );
        });
      if (!naming) continue;
      const inDated = keys.span && reach.dated.some((p) => overlaps(p, keys.span!));
      const inUndated = keys.undatedOn !== null && reach.undated.some((p) => p.from <= keys.undatedOn! && keys.undatedOn! <= p.to);
      const sharing = (reach.unbounded || !keys.span) && e.mentions.some((m) => m.participants.some((p) => keysOfSeeds.has(p.key)));
      if (inDated || inUndated || sharing) read.set(e.articleId, e);
    }
    const more = reach.persons;
    readPersons =
      more === null || readPersons === null
        ? null
        : { any: [...readPersons.any, ...more.any], solo: [...readPersons.solo, ...more.solo], pairs: [...readPersons.pairs, ...more.pairs] };
    readDated.push(...reach.dated);
    readUndated.push(...reach.undated);
    const result = proposeAround([...read.values()], registry, [], [], seeds);
    const within = (need: Period[], have: Period[]) => need.every((p) => mergePeriods(have).some((h) => h.from <= p.from && h.to >= p.to));
    const need = result.reach.persons;
    const personsRead =
      readPersons === null || (need !== null && (["any", "solo", "pairs"] as const).every((f) => need[f].every((k) => readPersons![f].includes(k))));
    const covered = personsRead && within(result.reach.dated, readDated) && within(result.reach.undated, readUndated);
    if (covered) return { result, read: read.size };
    reach = result.reach;
  }
  throw new Error("the reach did not settle");
}

const shape = (p: EventProposal) =>
  `${p.key} ${p.date} ${p.mentions
    .map((m) => `${m.articleId}:${m.quote}`)
    .sort()
    .join("|")}`;

describe("regrouping only the mentions connected to the refreshed articles", () => {
  const newsroom = generateNewsroom({ seed: 18, events: 40 });
  const registry = buildRegistry(newsroom.registry);
  const extractions = newsroom.articles.map((a) => extractArticle({ id: a.id, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet }, registry));
  const whole = proposeFromExtractions(extractions, registry, [], []);

  const proposalsOf = (events: EventProposal[], articleId: string) => events.filter((p) => p.mentions.some((m) => m.articleId === articleId)).map(shape);

  it("proposes for the mentions connected to one article what grouping the whole newsroom proposes for them", () => {
    const wholeShapes = whole.events.map(shape);
    for (const seed of extractions) {
      const around = proposeAround(extractions, registry, [], [], [seed.articleId]).events.map(shape);
      for (const p of proposalsOf(whole.events, seed.articleId)) expect(around).toContain(p);
      for (const p of around) expect(wholeShapes).toContain(p);
    }
  }, 120_000);

  it("reading only the articles those mentions reach agrees with the whole newsroom more often than a month's block, reading fewer", () => {
    // A person's country stated only in an article outside the block is unknown to either regrouping.
    const month = (e: ArticleExtraction) => {
      const days = [e.publishedAt, ...e.mentions.map((m) => m.date.date)].filter((d): d is string => Boolean(d)).map(day);
      return days.length ? { from: Math.min(...days) - 31, to: Math.max(...days) + 31 } : null;
    };
    const tally = { reach: { differ: 0, read: 0 }, month: { differ: 0, read: 0 } };
    for (const seed of extractions) {
      const expected = proposalsOf(whole.events, seed.articleId);
      const { result, read } = aroundReadingOnlyTheReach(extractions, registry, [seed.articleId]);
      tally.reach.read += read;
      if (expected.some((p) => !result.events.map(shape).includes(p))) tally.reach.differ++;
      const window = month(seed);
      const block = extractions.filter((e) => e === seed || (window && keysOf(e).span && overlaps(window, month(e)!)));
      tally.month.read += block.length;
      const monthly = proposalsOf(proposeFromExtractions(block, registry, [], []).events, seed.articleId);
      if (expected.some((p) => !monthly.includes(p))) tally.month.differ++;
    }
    expect(tally.reach.differ).toBeLessThanOrEqual(tally.month.differ);
    expect(tally.reach.read).toBeLessThan(tally.month.read);
  }, 120_000);

  it("answers with the reach alone while it goes beyond what was read, and with the proposals once it does not", () => {
    const seed = extractions[extractions.length - 1];
    const full = proposeAround(extractions, registry, [], [], [seed.articleId]);
    const persons = (p: PersonKeys | null) => p && { any: new Set(p.any), solo: new Set(p.solo), pairs: new Set(p.pairs) };
    const readOnlyTheSeed = {
      dated: [],
      undated: [],
      unbounded: false,
      persons: { any: new Set<string>(), solo: new Set<string>(), pairs: new Set<string>() },
    };
    expect(proposeAround(extractions, registry, [], [], [seed.articleId], readOnlyTheSeed)).toEqual({ beyond: true, reach: full.reach });
    const readTheReach = { ...full.reach, persons: persons(full.reach.persons) };
    expect(proposeAround(extractions, registry, [], [], [seed.articleId], readTheReach)).toEqual(full);
  });

  it("groups two reports of one call a few days apart, and leaves a far-away article's mentions out", () => {
    const berg = (id: string, text: string, publishedAt: string) => extractArticle({ id, text, publishedAt, outlet: id }, null);
    const first = berg("first", "Anna Berg spoke by phone with Samuel Okoro on June 10, officials said.", "2031-06-11");
    const second = berg("second", "Samuel Okoro and Anna Berg talked by phone on June 10, his office said.", "2031-06-14");
    const far = berg("far", "Anna Berg spoke by phone with Samuel Okoro on October 2, officials said.", "2031-10-03");
    const { events } = proposeAround([first, second, far], null, [], [], ["second"]);
    expect(events).toHaveLength(1);
    expect(new Set(events[0].mentions.map((m) => m.articleId))).toEqual(new Set(["first", "second"]));
  });
});
