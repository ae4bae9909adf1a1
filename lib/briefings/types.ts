import type { BriefingDoc } from "./document";
import type { CitationNote, RenderedBriefing, TimelineData } from "./render";
import type { Blocker, BriefingStatusName } from "./schemas";

export type PersonRef = { id: string; name: string };

export type PublishedVersionRef = { number: number; publishedAt: string; changeNote: string | null };

/** A briefing as the workspace and its API see it. */
export type BriefingView = {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  body: BriefingDoc;
  status: BriefingStatusName;
  /** The draft version: every save names the version it started from. */
  version: number;
  author: PersonRef;
  approvedVersion: number | null;
  approvedBy: PersonRef | null;
  retractedAt: string | null;
  retractionNote: string | null;
  createdAt: string;
  updatedAt: string;
  publishedVersions: PublishedVersionRef[];
  /** Path of the public page once a version is published. */
  publicPath: string | null;
};

export type BriefingListItem = {
  id: string;
  slug: string;
  title: string;
  status: BriefingStatusName;
  version: number;
  author: PersonRef;
  updatedAt: string;
  latestPublished: number | null;
};

export type BriefingReviewView = { id: string; action: string; comment: string | null; actor: PersonRef; createdAt: string };

/** What the composer page needs besides the briefing. */
export type BriefingWorkspace = {
  briefing: BriefingView;
  reviews: BriefingReviewView[];
  blockers: Blocker[];
  preview: RenderedBriefing;
  canEdit: boolean;
  canReview: boolean;
  /** Why this actor may not review, when they have the role but wrote the briefing. */
  reviewRefusal: string | null;
};

/** Choices offered by the composer's pickers. */
export type ComposerOptions = {
  passages: { id: string; label: string; outlet: string | null; articleTitle: string; quote: string; status: string; anchorStatus: string }[];
  entities: { id: string; name: string; typeLabel: string }[];
  events: { id: string; title: string; dateLabel: string | null }[];
  /**
   * Settled contradictions and unsettled ones, each with its state, the passages it sets against
   * each other (to tell which touch the draft's citations) and what publication needs of it.
   */
  contradictions: {
    id: string;
    summary: string;
    status: string;
    statusLabel: string;
    memberAnnotationIds: string[];
    touchesDraft: boolean;
    publicationNeeds: string | null;
  }[];
};

export type PublishResult = { version: number; url: string; path: string; publishedAt: string };

/** A published version as the public page shows it: frozen content, no workspace ids. */
export type PublicVersion = {
  number: number;
  title: string;
  summary: string | null;
  html: string;
  notes: CitationNote[];
  timelines: TimelineData[];
  jsonLd: unknown;
  changeNote: string | null;
  publishedAt: string;
  authorName: string;
};

export type PublicBriefing = {
  slug: string;
  firstPublishedAt: string;
  retractedAt: string | null;
  retractionNote: string | null;
  latestNumber: number;
  versions: PublishedVersionRef[];
  /** The version asked for, else the latest. */
  version: PublicVersion;
};

export type PublicBriefingListItem = {
  slug: string;
  title: string;
  summary: string | null;
  firstPublishedAt: string;
  updatedAt: string;
  latestNumber: number;
  retractedAt: string | null;
};

/** A saved draft with what the composer page shows of it: the preview and what blocks publishing. */
export type SavedDraft = { briefing: BriefingView; preview: RenderedBriefing; blockers: Blocker[] };
