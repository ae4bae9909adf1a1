import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { approveBriefingAction } from "@/app/(workspace)/compose/[id]/actions";
import { signOffContradictionAction } from "@/app/(workspace)/contradictions/[id]/actions";
import { removeAliasAction, undoMergeAction } from "@/app/(workspace)/entities/[id]/actions";
import { deleteEventAction, updateEventAction } from "@/app/(workspace)/events/[id]/actions";
import { reviewAnnotationAction } from "@/app/(workspace)/review/actions";
import { revokeTokenAction } from "@/app/(workspace)/settings/tokens/actions";
import { acceptEntitySuggestionsAction, acceptSuggestionAction, dismissSuggestionAction } from "@/components/entities/article-suggestions-actions";
import { linkPassageAction, loadPassageLinksAction, unlinkPassageAction } from "@/components/entities/link-passage-actions";
import type { ActionResult } from "@/lib/api/action";
import { createApiToken } from "@/lib/auth/mutations";
import type { Actor } from "@/lib/auth/permissions";
import type { RoleName } from "@/lib/auth/schemas";
import { createBriefing, submitBriefing } from "@/lib/briefings/mutations";
import { db } from "@/lib/db";
import { makeAnnotation, makeArticle } from "../support/article-fixtures";
import { makeEntity } from "../support/contradiction-fixtures";
import { makeUser } from "../support/fixtures";
import { findActionFiles, importActions } from "../support/server-actions";
import { SYSTEM } from "@/lib/auth/principal";

// Only who is signed in is faked (there is no request, hence no cookie); every action runs against the real database.
const session = vi.hoisted(() => ({ claims: null as { uid: string; sv: number } | null }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("next-auth")>()), getServerSession: async () => session.claims }));
// Outside a Next.js request there is no cache to purge.
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));

const ALL: readonly RoleName[] = ["EDITOR", "ANALYST", "ADMIN"];
const WRITERS: readonly RoleName[] = ["EDITOR", "ADMIN"];
const ANALYSTS: readonly RoleName[] = ["ANALYST"];
const REVIEWERS: readonly RoleName[] = ["ANALYST", "ADMIN"];
const ADMINS: readonly RoleName[] = ["ADMIN"];

const MISSING = "missing-id";

/** Rows the sample arguments name, so that an allowed call ends in a conflict instead of creating something. */
type Taken = { email: string; entityName: string; briefingSlug: string };
type Entry = { roles: readonly RoleName[]; args: (taken: Taken) => unknown[] };

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

/**
 * Who may call each server action (every function exported by a module that starts with the
 * "use server" directive, anywhere under app/, components/ or lib/, keyed by its path from the
 * project's root), written from the product's rules like the API routes' matrix; an action
 * missing here fails. `args` pass the action's validation so that its role check is reached,
 * and name rows that do not exist (404) or are taken (409), so an allowed call changes nothing:
 * creating an entity, for one, would start a suggestion refresh that outlives the test.
 */
const MATRIX: Record<string, Record<string, Entry>> = {
  "app/(workspace)/admin/annotation-kinds/actions.ts": {
    createAnnotationKindAction: { roles: ADMINS, args: () => [{ key: "note", label: "Note" }] },
    updateAnnotationKindAction: { roles: ADMINS, args: () => [{ key: MISSING, label: "Missing" }] },
  },
  "app/(workspace)/admin/users/actions.ts": {
    createUserAction: { roles: ADMINS, args: (t) => [form({ email: t.email, role: "EDITOR", password: "a long enough password" })] },
    updateUserAction: { roles: ADMINS, args: () => [{ userId: MISSING, role: "ANALYST" }] },
  },
  "app/(workspace)/articles/[id]/actions.ts": {
    updateArticleAction: { roles: WRITERS, args: () => [{ articleId: MISSING, version: 1, title: "Corrected title" }] },
    changeArticleLinesAction: { roles: WRITERS, args: () => [{ articleId: MISSING, revisionId: MISSING, decisions: [{ index: 0, kept: true }] }] },
    acceptEventProposalAction: { roles: WRITERS, args: () => [MISSING, MISSING] },
    dismissEventProposalAction: { roles: WRITERS, args: () => [MISSING, MISSING] },
    acceptClaimProposalAction: { roles: WRITERS, args: () => [MISSING, MISSING] },
    dismissClaimProposalAction: { roles: WRITERS, args: () => [MISSING, MISSING] },
    createAnnotationAction: { roles: WRITERS, args: () => [{ articleId: MISSING, start: 0, end: 5, exact: "talks", kind: "claim" }] },
    updateAnnotationAction: { roles: WRITERS, args: () => [MISSING, MISSING, { version: 1, tags: ["talks"] }] },
    deleteAnnotationAction: { roles: WRITERS, args: () => [MISSING, MISSING, { version: 1 }] },
    reattachAnnotationAction: { roles: WRITERS, args: () => [MISSING, MISSING, { start: 0, end: 5, exact: "talks", version: 1 }] },
    confirmAnchorAction: { roles: WRITERS, args: () => [MISSING, MISSING, { version: 1 }] },
    requestCitationReviewAction: { roles: WRITERS, args: () => [MISSING, MISSING, { version: 1 }] },
    createReplyAction: { roles: ALL, args: () => [MISSING, MISSING, { body: "Which outlet said so?" }] },
  },
  "app/(workspace)/claims/actions.ts": {
    createClaimAction: {
      roles: WRITERS,
      args: () => [{ annotationId: MISSING, eventId: MISSING, attribute: "statement", value: { type: "text", text: "The talks ended." } }],
    },
    updateClaimAction: {
      roles: WRITERS,
      args: () => [
        MISSING,
        { updatedAt: "2025-05-19T10:00:00.000Z", eventId: MISSING, attribute: "statement", value: { type: "text", text: "The talks ended." } },
      ],
    },
  },
  "app/(workspace)/compose/[id]/actions.ts": {
    saveBriefingDraftAction: { roles: WRITERS, args: () => [MISSING, { version: 1, title: "Geneva talks" }] },
    submitBriefingAction: { roles: WRITERS, args: () => [MISSING, null, form({})] },
    approveBriefingAction: { roles: REVIEWERS, args: () => [MISSING, null, form({ version: "1" })] },
    returnBriefingAction: { roles: REVIEWERS, args: () => [MISSING, null, form({ comment: "Cite a second source." })] },
    publishBriefingAction: { roles: WRITERS, args: () => [MISSING, null, form({})] },
    retractBriefingAction: { roles: WRITERS, args: () => [MISSING, null, form({ note: "The talks were misdated." })] },
  },
  "app/(workspace)/compose/new/actions.ts": {
    createBriefingAction: { roles: WRITERS, args: (t) => [null, form({ title: "Geneva talks", slug: t.briefingSlug })] },
  },
  "app/(workspace)/contradictions/[id]/actions.ts": {
    resolveContradictionAction: {
      roles: WRITERS,
      args: () => [form({ id: MISSING, version: "1", resolution: "disclose", rationale: "Both accounts stand." })],
    },
    signOffContradictionAction: { roles: ANALYSTS, args: () => [form({ id: MISSING, version: "1" })] },
    reopenContradictionAction: { roles: ALL, args: () => [form({ id: MISSING, version: "1", rationale: "A third source disagrees." })] },
    keepResolutionAction: { roles: ALL, args: () => [form({ id: MISSING, version: "1", note: "The new source repeats the first." })] },
  },
  "app/(workspace)/contradictions/actions.ts": {
    confirmCandidateAction: { roles: WRITERS, args: () => [MISSING] },
    dismissCandidateAction: { roles: WRITERS, args: () => [MISSING] },
  },
  "app/(workspace)/contradictions/new/actions.ts": {
    searchPassagesAction: { roles: WRITERS, args: () => ["ceasefire"] },
    flagContradictionAction: { roles: WRITERS, args: () => [form({ annotationIds: [`${MISSING}-a`, `${MISSING}-b`], summary: "The sources disagree." })] },
  },
  "app/(workspace)/entities/actions.ts": {
    createEntityAction: { roles: WRITERS, args: (t) => [form({ type: "person", name: t.entityName })] },
    addNamesToEntityAction: { roles: WRITERS, args: () => [MISSING, ["Another name"]] },
    judgeDuplicateAction: { roles: WRITERS, args: () => [{ entityAId: `${MISSING}-a`, entityBId: `${MISSING}-b`, verdict: "different" }] },
    mergeEntitiesAction: { roles: WRITERS, args: () => [{ sourceId: `${MISSING}-a`, into: `${MISSING}-b` }] },
  },
  "app/(workspace)/entities/[id]/actions.ts": {
    updateEntityAction: { roles: WRITERS, args: () => [MISSING, form({ version: "1", type: "person", name: "Renamed" })] },
    addAliasAction: { roles: WRITERS, args: () => [MISSING, form({ alias: "Another name" })] },
    removeAliasAction: { roles: WRITERS, args: () => [MISSING, MISSING] },
    deleteEntityAction: { roles: WRITERS, args: () => [MISSING] },
    undoMergeAction: { roles: WRITERS, args: () => [MISSING] },
  },
  "app/(workspace)/events/actions.ts": {
    createEventAction: { roles: WRITERS, args: () => [{ type: "talks", title: "Geneva talks", participants: [{ entityId: MISSING, role: "host" }] }] },
  },
  "app/(workspace)/events/[id]/actions.ts": {
    updateEventAction: { roles: WRITERS, args: () => [MISSING, { version: 1, title: "Geneva talks" }] },
    deleteEventAction: { roles: WRITERS, args: () => [MISSING] },
  },
  "app/(workspace)/review/actions.ts": {
    reviewAnnotationAction: { roles: ANALYSTS, args: () => [{ annotationId: MISSING, decision: "approve", version: 1 }] },
    approveAnnotationsAction: { roles: ANALYSTS, args: () => [{ items: [{ id: MISSING, version: 1 }] }] },
  },
  "app/(workspace)/settings/tokens/actions.ts": {
    // The one allowed call that writes: each member creates a token of their own.
    createTokenAction: { roles: ALL, args: () => [form({ name: "nightly export" })] },
    revokeTokenAction: { roles: ALL, args: () => [MISSING] },
  },
  "components/entities/article-suggestions-actions.ts": {
    acceptSuggestionAction: { roles: WRITERS, args: () => [MISSING, MISSING] },
    // No open suggestion matches, so an allowed call accepts none (200) and changes nothing.
    acceptEntitySuggestionsAction: { roles: WRITERS, args: () => [MISSING, MISSING] },
    dismissSuggestionAction: { roles: WRITERS, args: () => [MISSING, MISSING] },
  },
  "components/entities/link-passage-actions.ts": {
    loadPassageLinksAction: { roles: ALL, args: () => [MISSING] },
    linkPassageAction: { roles: WRITERS, args: () => [MISSING, { annotationId: MISSING, targetType: "entity", targetId: MISSING, relation: "mentions" }] },
    unlinkPassageAction: { roles: WRITERS, args: () => [MISSING, MISSING, `/entities/${MISSING}`] },
  },
};

async function signIn(actor: Actor | null) {
  if (!actor) {
    session.claims = null;
    return;
  }
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionVersion: true } });
  session.claims = { uid: actor.id, sv: sessionVersion };
}

/** Runs an action as `actor` (null: anonymous); its answer as a status, 200 for success. */
async function statusAs(actor: Actor | null, run: () => Promise<ActionResult<unknown>>): Promise<number> {
  await signIn(actor);
  const result = await run();
  return result.ok ? 200 : result.status;
}

const unique = () => randomBytes(4).toString("hex");

describe("authorization matrix of server actions", async () => {
  const files = await findActionFiles();
  const users = {} as Record<RoleName, Actor>;
  let taken: Taken;

  beforeAll(async () => {
    for (const role of ALL) users[role] = await makeUser(role);
    const entity = await makeEntity(`Person ${unique()}`);
    const briefing = await createBriefing(users.EDITOR, { title: `Taken address ${unique()}` });
    taken = { email: users.EDITOR.email, entityName: entity.name, briefingSlug: briefing.slug };
  });

  it("lists every exported action, and nothing that does not exist", async () => {
    const found: string[] = [];
    for (const file of files) {
      for (const [name, value] of Object.entries(await importActions(file))) if (typeof value === "function") found.push(`${file} ${name}`);
    }
    const listed = Object.entries(MATRIX).flatMap(([file, actions]) => Object.keys(actions).map((name) => `${file} ${name}`));
    expect(found.sort()).toEqual(listed.sort());
  });

  for (const [file, actions] of Object.entries(MATRIX)) {
    for (const [name, { roles, args }] of Object.entries(actions)) {
      it(`${name} (${file})`, async () => {
        const action = (await importActions(file))[name]!;
        // Validation runs first, so a 401 here also proves the sample arguments are valid.
        expect(await statusAs(null, () => action(...args(taken))), "anonymous should be refused").toBe(401);
        for (const role of ALL) {
          const status = await statusAs(users[role], () => action(...args(taken)));
          if (roles.includes(role)) expect([401, 403], `${role} should be allowed`).not.toContain(status);
          else expect(status, `${role} should be refused`).toBe(403);
        }
      });
    }
  }

  describe("ids are validated before anything else", () => {
    const BAD_IDS = { empty: "", blank: "   ", "10,000 characters": "x".repeat(10_000) };
    const CALLS: Record<string, (id: string) => Promise<ActionResult<unknown>>> = {
      deleteEventAction: (id) => deleteEventAction(id),
      updateEventAction: (id) => updateEventAction(id, { version: 1, title: "Geneva talks" }),
      removeAliasAction: (id) => removeAliasAction(MISSING, id),
      undoMergeAction: (id) => undoMergeAction(id),
      reviewAnnotationAction: (annotationId) => reviewAnnotationAction({ annotationId, decision: "approve", version: 1 }),
      loadPassageLinksAction: (id) => loadPassageLinksAction(id),
      linkPassageAction: (id) => linkPassageAction(id, { annotationId: MISSING, targetType: "entity", targetId: MISSING, relation: "mentions" }),
      unlinkPassageAction: (id) => unlinkPassageAction(MISSING, id, `/entities/${MISSING}`),
      acceptSuggestionAction: (id) => acceptSuggestionAction(MISSING, id),
      acceptEntitySuggestionsAction: (id) => acceptEntitySuggestionsAction(MISSING, id),
      dismissSuggestionAction: (id) => dismissSuggestionAction(id, MISSING),
    };

    for (const [name, call] of Object.entries(CALLS)) {
      it(`${name} answers 422 for an empty, blank or oversized id, signed in or not`, async () => {
        for (const [label, bad] of Object.entries(BAD_IDS)) {
          // Anonymous too: a 422 rather than 401 shows validation ran before the role check and any query.
          for (const actor of [null, users.EDITOR, users.ANALYST]) {
            await signIn(actor);
            const result = await call(bad);
            expect(result.ok, `${label} id`).toBe(false);
            if (!result.ok) {
              expect(result.status, `${label} id`).toBe(422);
              expect(result.error, `${label} id`).toMatch(/id is missing|not a valid id/);
            }
          }
        }
      });
    }
  });

  describe("rules about whose item it is", () => {
    it("revokeTokenAction: only the token's owner revokes it, not another member nor an admin", async () => {
      const owner = await makeUser("EDITOR");
      const { id } = await createApiToken(SYSTEM, owner.id, "owner's script");
      const revokedAt = async () => (await db.apiToken.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } })).revokedAt;
      // Someone else's token answers as if it did not exist.
      for (const other of [await makeUser("EDITOR"), users.ADMIN]) expect(await statusAs(other, () => revokeTokenAction(id))).toBe(404);
      expect(await revokedAt()).toBeNull();
      expect(await statusAs(owner, () => revokeTokenAction(id))).toBe(200);
      expect(await revokedAt()).not.toBeNull();
    });

    it("approveBriefingAction: its writer cannot approve it, even as an admin; another reviewer can", async () => {
      const writer = await makeUser("ADMIN");
      const { id } = await createBriefing(writer, { title: `Own briefing ${unique()}` });
      const { version } = await submitBriefing(writer, id);
      const approve = (as: Actor) => statusAs(as, () => approveBriefingAction(id, null, form({ version: String(version) })));
      expect(await approve(writer)).toBe(403);
      expect(await approve(users.ANALYST)).toBe(200);
    });

    it("reviewAnnotationAction: nobody reviews their own annotation", async () => {
      // An analyst who wrote the passage's annotation before their role changed.
      const author = await makeUser("ANALYST");
      const article = await makeArticle(author, { text: "The talks lasted six hours." });
      const { id } = await makeAnnotation(author, article, "six hours");
      const review = (as: Actor) => statusAs(as, () => reviewAnnotationAction({ annotationId: id, decision: "approve", version: 1 }));
      expect(await review(author)).toBe(403);
      expect(await review(users.ANALYST)).toBe(200);
    });

    it("signOffContradictionAction: the resolver cannot sign off their own resolution", async () => {
      const resolver = await makeUser("ANALYST");
      const { id, version } = await db.contradiction.create({
        data: {
          status: "AWAITING_SIGNOFF",
          summary: "How long the talks lasted",
          resolution: "DISCLOSE",
          rationale: "Both accounts stand.",
          resolvedById: resolver.id,
          resolvedAt: new Date(),
        },
      });
      const signOff = (as: Actor) => statusAs(as, () => signOffContradictionAction(form({ id, version: String(version) })));
      expect(await signOff(resolver)).toBe(403);
      expect(await signOff(users.ANALYST)).toBe(200);
    });
  });
});
