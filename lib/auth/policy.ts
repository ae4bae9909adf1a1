import { isSystem, type Principal } from "./principal";
import type { RoleName } from "./schemas";

const MEMBERS = ["EDITOR", "ANALYST", "ADMIN"] as const satisfies readonly RoleName[];
const WRITERS = ["EDITOR", "ADMIN"] as const satisfies readonly RoleName[];
const ANALYSTS = ["ANALYST"] as const satisfies readonly RoleName[];
const REVIEWERS = ["ANALYST", "ADMIN"] as const satisfies readonly RoleName[];
const ADMINS = ["ADMIN"] as const satisfies readonly RoleName[];

/**
 * Rules about one record that roles alone cannot say; each is checked in lib/ with the record at
 * hand (`allowsOn`), after the role check that the route and action wrappers make.
 */
export type OwnerRule =
  /** Authors change their own records; an admin may change anyone's. */
  | "author-or-admin"
  /** Nobody judges their own work (reviews, sign-offs, approvals). */
  | "not-author"
  /** Only the holder (API tokens). */
  | "self";

/** `system`: the command line and seeding may do it too (owner rules do not bind them). */
export type Rule = { roles: readonly RoleName[]; owner?: OwnerRule; system?: true };

/**
 * Every named action of the workspace: who may do it and the owner rule it carries. The route
 * wrapper (lib/api/route.ts), the server-action guard (`requireActor`) and lib's `can*` checks all
 * read this table, so a rule is written once.
 */
export const POLICY = {
  "workspace.use": { roles: MEMBERS },
  "users.manage": { roles: ADMINS, system: true },
  "tokens.manage": { roles: MEMBERS, owner: "self", system: true },
  "audit.browse": { roles: ADMINS },

  "articles.read": { roles: MEMBERS },
  "articles.import": { roles: WRITERS, system: true },
  "articles.edit": { roles: WRITERS },

  "annotations.read": { roles: MEMBERS },
  "annotations.create": { roles: WRITERS },
  "annotations.edit": { roles: ["EDITOR", "ADMIN"], owner: "author-or-admin" },
  /** Confirming that a re-anchored highlight still covers its words. */
  "annotations.maintain-anchor": { roles: WRITERS },
  /** Pointing an orphaned or re-anchored annotation at other words changes what it says. */
  "annotations.reattach": { roles: WRITERS, owner: "author-or-admin" },
  "annotations.review": { roles: ANALYSTS, owner: "not-author" },
  "annotations.reply": { roles: MEMBERS },
  "annotation-kinds.manage": { roles: ADMINS },

  "entities.read": { roles: MEMBERS },
  "entities.edit": { roles: WRITERS },
  "passages.link": { roles: WRITERS },

  "events.read": { roles: MEMBERS },
  "events.edit": { roles: WRITERS },

  "claims.read": { roles: MEMBERS },
  /** A claim is what its annotation states: the annotation's author or an admin records or changes it. */
  "claims.edit": { roles: WRITERS, owner: "author-or-admin" },

  "contradictions.read": { roles: MEMBERS },
  "contradictions.flag": { roles: WRITERS },
  "contradictions.resolve": { roles: WRITERS },
  "contradictions.sign-off": { roles: ANALYSTS, owner: "not-author" },
  "contradictions.reopen": { roles: MEMBERS },

  "briefings.read": { roles: MEMBERS },
  "briefings.compose": { roles: WRITERS },
  "briefings.review": { roles: REVIEWERS, owner: "not-author" },

  "proposals.read": { roles: MEMBERS },
  /** Accepting or dismissing a proposal, confirming or dismissing a suggested contradiction. */
  "proposals.decide": { roles: WRITERS },
} as const satisfies Record<string, Rule>;

export type PolicyAction = keyof typeof POLICY;

/** The roles the action allows, for forms that offer a choice only to those who may make it. */
export function rolesFor(action: PolicyAction): readonly RoleName[] {
  return POLICY[action].roles;
}

/** Whether the actor's role (or, for the system, the table) allows the action, owner rules aside. */
export function allows<P extends Principal>(principal: P | null, action: PolicyAction): principal is P {
  return permits(principal, action);
}

function permits(principal: Principal | null, action: PolicyAction): boolean {
  if (principal === null) return false;
  const rule: Rule = POLICY[action];
  return isSystem(principal) ? rule.system === true : rule.roles.includes(principal.role);
}

/**
 * Whether the actor may do the action on a record whose owners are given: its author (or the
 * resolver of a contradiction, or everyone who wrote a briefing), or a token's holder.
 */
export function allowsOn<P extends Principal>(principal: P | null, action: PolicyAction, owners: ReadonlySet<string> | string | null): principal is P {
  return permitsOn(principal, action, owners);
}

function permitsOn(actor: Principal | null, action: PolicyAction, owners: ReadonlySet<string> | string | null): boolean {
  if (actor === null || !permits(actor, action)) return false;
  if (isSystem(actor)) return true;
  const rule: Rule = POLICY[action];
  const owned = owners !== null && (typeof owners === "string" ? owners === actor.id : owners.has(actor.id));
  switch (rule.owner) {
    case undefined:
      return true;
    case "author-or-admin":
      return actor.role === "ADMIN" || owned;
    case "not-author":
      return !owned;
    case "self":
      return owned;
  }
}
