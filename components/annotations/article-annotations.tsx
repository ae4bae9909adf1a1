import { listAnnotationKinds, listArticleAnnotations } from "@/lib/annotations/queries";
import type { Actor } from "@/lib/auth/permissions";
import type { AnnotationActions } from "./annotation-actions";
import { AnnotationReader } from "./annotation-reader";

type Props = { actor: Actor; article: { id: string; currentRevisionId: string; text: string }; actions: AnnotationActions };

/** The article's clean text with its annotations, highlights and the annotation panel. */
export async function ArticleAnnotations({ actor, article, actions }: Props) {
  const [annotations, kinds] = await Promise.all([listArticleAnnotations(actor, article.id), listAnnotationKinds({ includeInactive: true })]);
  return (
    <AnnotationReader
      articleId={article.id}
      revisionId={article.currentRevisionId}
      text={article.text}
      annotations={annotations}
      kinds={kinds}
      viewer={{ id: actor.id, email: actor.email, name: actor.name, role: actor.role }}
      actions={actions}
    />
  );
}
