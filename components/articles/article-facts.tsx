import { LocalDate } from "@/components/ui/local-date";
import { PublishedDate } from "./published-date";
import { languageLabel } from "@/lib/articles/language";
import type { ArticleDetail } from "@/lib/articles/queries";
import { KIND_LABELS } from "@/lib/articles/schemas";
import "./articles.css";

/** The article's metadata as a definition list. */
export function ArticleFacts({ article }: { article: ArticleDetail }) {
  const facts: [string, React.ReactNode][] = [
    [
      "Title",
      <>
        {article.title}
        {article.titleProvisional ? (
          <>
            {" "}
            <span className="badge warn">provisional</span>
          </>
        ) : null}
      </>,
    ],
    ["Outlet", article.outlet ?? <span className="muted">unknown</span>],
    [
      "Publication date",
      article.publishedAt ? <PublishedDate key="published" day={article.publishedAt} time={article.publishedTime} /> : missing("not stated in the source"),
    ],
    ["Original URL", article.url ? originalLink(article.url) : missing("none")],
    ["Author", article.author ?? <span className="muted">not named</span>],
    ["Kind", KIND_LABELS[article.kind]],
  ];
  if (article.commentators.length > 0) facts.push(["Commentators", article.commentators.join(", ")]);
  if (article.disclaimer) facts.push(["Disclaimer", article.disclaimer]);
  const notRecognised = <span className="muted">not recognised</span>;
  facts.push(["Language", article.language ? languageLabel(article.language) : notRecognised]);
  facts.push([
    "Imported",
    <>
      <LocalDate value={article.createdAt} style="timestamp" />
      {article.createdBy ? ` by ${article.createdBy}` : ""}
    </>,
  ]);
  return (
    <dl className="metadata-list" aria-label="Metadata">
      {facts.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function missing(text: string) {
  return <span className="muted">{text}</span>;
}

function originalLink(url: string) {
  return (
    <a href={url} rel="noopener noreferrer nofollow" target="_blank">
      {url}
    </a>
  );
}
