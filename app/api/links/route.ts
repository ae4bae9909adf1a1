import { apiRoute, created } from "@/lib/api/route";
import { createLink, deleteLink, listAnnotationLinks } from "@/lib/entities/links";
import { createLinkSchema, deleteLinkSchema } from "@/lib/entities/schemas";
import { ValidationError } from "@/lib/errors";

/** `?annotationId=` lists that passage's links. */
export const GET = apiRoute({ access: "entities.read" }, async ({ request, actor }) => {
  const annotationId = request.nextUrl.searchParams.get("annotationId");
  if (!annotationId) throw new ValidationError("annotationId: Name the annotation whose links to list.");
  return { links: await listAnnotationLinks(actor, annotationId) };
});

/** `{ annotationId, targetType: "entity" | "event", targetId, relation: "mentions" | "describes" | "quotes" | "claims_about" }` */
export const POST = apiRoute({ access: "passages.link", body: createLinkSchema }, async ({ actor, body }) => created(await createLink(actor, body)));

/** `{ id }`, or the same fields as POST. */
export const DELETE = apiRoute({ access: "passages.link", body: deleteLinkSchema }, async ({ actor, body }) => {
  await deleteLink(actor, body);
  return new Response(null, { status: 204 });
});
