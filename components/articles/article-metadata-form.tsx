"use client";

import { useState, useTransition } from "react";
import { LocalDate } from "@/components/ui/local-date";
import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/api/action";
import type { ArticleMetadata } from "@/lib/articles/article-metadata";
import { ARTICLE_KINDS, KIND_LABELS, type UpdateArticleInput } from "@/lib/articles/schemas";
import "./articles.css";

type Editable = Pick<ArticleMetadata, "title" | "titleProvisional" | "outlet" | "url" | "author" | "publishedAt" | "kind"> & { id: string; version: number };

type Saved = Omit<Editable, "titleProvisional"> & { titleProvisional: boolean };

type Props = { article: Editable; save: (input: UpdateArticleInput) => Promise<ActionResult<Saved>> };

const KIND_OPTIONS = ARTICLE_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

function formValues(article: Editable) {
  return {
    title: article.title,
    outlet: article.outlet ?? "",
    publishedAt: article.publishedAt ?? "",
    url: article.url ?? "",
    author: article.author ?? "",
    kind: article.kind,
  };
}

/**
 * Corrections to the extracted metadata. The fields are controlled so a refused save keeps what
 * the editor typed; after a conflicting change by someone else, their values are shown and the
 * next save deliberately replaces them.
 */
export function ArticleMetadataForm({ article, save }: Props) {
  const [values, setValues] = useState(() => formValues(article));
  const [version, setVersion] = useState(article.version);
  const [provisional, setProvisional] = useState(article.titleProvisional);
  const [message, setMessage] = useState<{ ok: boolean; text: string; theirs?: ReturnType<typeof formValues> } | null>(null);
  const [pending, startTransition] = useTransition();

  const set = (key: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function submit(confirmTitle: boolean) {
    startTransition(async () => {
      const result = await save({ articleId: article.id, version, ...values, kind: values.kind as ArticleMetadata["kind"], confirmTitle });
      if (result.ok) {
        setVersion(result.data.version);
        setProvisional(result.data.titleProvisional);
        setMessage({ ok: true, text: confirmTitle && values.title === article.title ? "Title confirmed." : (result.message ?? "Saved.") });
        return;
      }
      const current = (result.details as { current?: Editable } | undefined)?.current;
      if (current) setVersion(current.version);
      setMessage({ ok: false, text: result.error, theirs: current ? formValues(current) : undefined });
    });
  }

  return (
    <form
      className="metadata-form"
      aria-label="Article metadata"
      onSubmit={(event) => {
        event.preventDefault();
        submit(false);
      }}
    >
      {provisional ? (
        <Alert kind="info">
          This title was made from the opening words because the text has no headline. Confirm it or write the real one.{" "}
          <button type="button" className="button secondary" disabled={pending} onClick={() => submit(true)}>
            Confirm title
          </button>
        </Alert>
      ) : null}
      <Field label="Title" name="title" value={values.title} onChange={set("title")} required maxLength={500} />
      <Field label="Outlet" name="outlet" value={values.outlet} onChange={set("outlet")} maxLength={200} />
      <Field
        label="Publication date"
        name="publishedAt"
        type="date"
        value={values.publishedAt}
        onChange={set("publishedAt")}
        hint="Empty when the source does not state it."
      />
      <Field label="Original URL" name="url" type="url" value={values.url} onChange={set("url")} maxLength={2000} />
      <Field label="Author" name="author" value={values.author} onChange={set("author")} maxLength={300} />
      <SelectField label="Kind" name="kind" value={values.kind} onChange={set("kind")} options={KIND_OPTIONS} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save metadata"}
      </button>
      {message ? (
        <Alert kind={message.ok ? "success" : "error"}>
          {message.text}
          {message.theirs ? (
            <span>
              {" "}
              Now saved: “{message.theirs.title}”, {message.theirs.outlet || "no outlet"},{" "}
              {message.theirs.publishedAt ? <LocalDate value={message.theirs.publishedAt} /> : "no date"}, {message.theirs.author || "no author"},{" "}
              {KIND_LABELS[message.theirs.kind]}.
            </span>
          ) : null}
        </Alert>
      ) : null}
    </form>
  );
}
