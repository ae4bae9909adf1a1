"use client";

import { type ReactNode, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/api/action";
import type { ChangeLinesInput } from "@/lib/articles/schemas";
import { blockLabel, groupLines } from "@/lib/articles/line-groups";
import type { ClassifiedLine } from "@/lib/articles/types";
import "./articles.css";

type Reanchored = { kept: number; moved: number; fuzzy: number; orphaned: number };
type Change = (input: ChangeLinesInput) => Promise<ActionResult<{ revisionId: string; number: number; reanchored: Reanchored }>>;

type Props = {
  articleId: string;
  revisionId: string;
  lines: ClassifiedLine[];
  /** Without it the list is read-only (analysts, old revisions). */
  change?: Change;
};

function describeResult(number: number, kept: boolean, count: number, reanchored: Reanchored): string {
  const moved = reanchored.kept + reanchored.moved + reanchored.fuzzy;
  const notes = [
    moved ? `${moved} annotation${moved === 1 ? "" : "s"} moved to it` : "",
    reanchored.fuzzy ? `${reanchored.fuzzy} to check` : "",
    reanchored.orphaned ? `${reanchored.orphaned} could not be placed` : "",
  ].filter(Boolean);
  const what = count === 1 ? "Line" : `${count} lines`;
  return `${what} ${kept ? "restored" : "removed"}: revision ${number} created${notes.length ? `; ${notes.join(", ")}` : ""}.`;
}

/** Every line the importer read, in order: removed ones struck through with the reason, each reversible. */
export function LineList({ articleId, revisionId, lines, change }: Props) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function toggle(indices: number[], kept: boolean) {
    if (!change) return;
    startTransition(async () => {
      const result = await change({ articleId, revisionId, decisions: indices.map((index) => ({ index, kept })) });
      setMessage(
        result.ok ? { ok: true, text: describeResult(result.data.number, kept, indices.length, result.data.reanchored) } : { ok: false, text: result.error },
      );
    });
  }

  // A run of lines removed for one reason opens with a row that restores all of them.
  const blockStarts = new Map(
    groupLines(lines).flatMap((group) => (group.kind === "removed" && group.indices.length > 1 ? [[group.indices[0], group] as const] : [])),
  );

  if (lines.length === 0) return <p className="muted">This revision has no line list.</p>;
  return (
    <>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`alert ${message.ok ? "success" : "error"}`}>
          {message.text}
        </p>
      ) : null}
      <ol className="line-list" aria-label="Lines of the original">
        {lines.map((line, index) => {
          const block = blockStarts.get(index);
          const label = block ? blockLabel(block.reason, block.indices.length) : "";
          return [
            block ? (
              <li key={`block-${index}`} className="line-block-head">
                <span aria-hidden="true" />
                <span>
                  <strong>{label}</strong>
                  {block.unsure ? <WarnBadge>{block.unsure} unsure</WarnBadge> : null}
                </span>
                <ToggleButton shown={change !== undefined} disabled={pending} label={`Restore ${label}`} onClick={() => toggle(block.indices, true)}>
                  Restore all
                </ToggleButton>
              </li>
            ) : null,
            <li key={index} data-kept={line.kept}>
              <span className="line-number" aria-hidden="true">
                {index + 1}
              </span>
              <span>
                {line.kept ? (
                  <bdi>{line.text}</bdi>
                ) : (
                  <>
                    <del className="removed-text" dir="auto">
                      {line.text}
                    </del>
                    <span className="badge reason">removed: {line.reason ?? "editor"}</span>
                  </>
                )}
                {line.unsure ? <WarnBadge>unsure</WarnBadge> : null}
              </span>
              <ToggleButton
                shown={change !== undefined}
                disabled={pending}
                label={`${line.kept ? "Remove" : "Restore"} line ${index + 1}`}
                onClick={() => toggle([index], !line.kept)}
              >
                {line.kept ? "Remove" : "Restore"}
              </ToggleButton>
            </li>,
          ];
        })}
      </ol>
    </>
  );
}

function WarnBadge({ children }: { children: ReactNode }) {
  return (
    <>
      {" "}
      <span className="badge warn">{children}</span>
    </>
  );
}

/** The row's action while lines can be changed; an empty cell keeps the grid's columns otherwise. */
function ToggleButton({
  shown,
  disabled,
  label,
  onClick,
  children,
}: {
  shown: boolean;
  disabled: boolean;
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  if (!shown) return <span />;
  return (
    <button type="button" className="button secondary" disabled={disabled} aria-label={label} onClick={onClick}>
      {children}
    </button>
  );
}
