import type { RichTextDoc } from "./rich-text";
import type { AnchorStatusName, ReviewStatusName } from "./statuses";

export type PersonRef = { id: string; name: string };

export type AnnotationReviewView = {
  id: string;
  /** Null when re-anchoring on a new revision sent the annotation back to review. */
  actor: PersonRef | null;
  fromStatus: ReviewStatusName | null;
  toStatus: ReviewStatusName;
  comment: string | null;
  createdAt: string;
};

export type AnnotationReplyView = { id: string; parentId: string | null; author: PersonRef; body: string; createdAt: string };

/** An annotation as the reader, the review queue and the API see it; dates are ISO strings so it crosses to the client. */
export type AnnotationView = {
  id: string;
  articleId: string;
  revisionId: string;
  kind: string;
  body: RichTextDoc;
  bodyHtml: string;
  tags: string[];
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  anchorStatus: AnchorStatusName;
  originalExact: string;
  status: ReviewStatusName;
  /** An entity link accepted from a suggestion: outside review and citation until sent for review. */
  linkOnly: boolean;
  version: number;
  author: PersonRef;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  reviews: AnnotationReviewView[];
  replies: AnnotationReplyView[];
};

/** A queued annotation with its article; its reviews and replies are on the annotation itself (GET /api/annotations/{id}). */
export type ReviewQueueItem = Omit<AnnotationView, "reviews" | "replies"> & { article: { id: string; title: string } };

export type AnnotationKindView = { key: string; label: string; position: number; active: boolean; builtIn: boolean };
