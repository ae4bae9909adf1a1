"use client";

import { EditorContent, useEditor, useEditorState, type JSONContent } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useId, useState } from "react";
import { editorJson } from "@/components/ui/editor-json";
import { FormatToolbar, type FormatName } from "@/components/ui/format-toolbar";

const COMMENT_FORMATS: readonly FormatName[] = ["bold", "italic", "link", "bulletList", "orderedList"];

type Props = {
  /** The accessible name of the editing area. */
  label: string;
  initial?: JSONContent;
  onChange: (doc: JSONContent) => void;
};

/**
 * The comment editor: bold, italic, links and lists only, matching what the server accepts
 * (lib/annotations/rich-text.ts). Everything else in StarterKit is switched off so that
 * Markdown shortcuts cannot produce headings, quotes or code the server would refuse.
 */
export function CommentEditor({ label, initial, onChange }: Props) {
  const labelId = useId();
  const linkFieldId = useId();
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: false,
        blockquote: false,
        codeBlock: false,
        code: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["http", "https", "mailto"] },
      }),
    ],
    content: initial ?? "",
    editorProps: {
      attributes: { role: "textbox", "aria-multiline": "true", "aria-labelledby": labelId, class: "comment-editor-content" },
    },
    onUpdate: ({ editor: current }) => onChange(editorJson(current)),
  });
  const linkActive = useEditorState({ editor, selector: ({ editor: current }) => current?.isActive("link") ?? false });

  function applyLink() {
    if (!editor) return;
    const url = href.trim();
    if (!/^(https?:\/\/|mailto:)\S+$/i.test(url)) {
      setLinkError("Enter a full address starting with https://, http:// or mailto:.");
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({ type: "text", text: url, marks: [{ type: "link", attrs: { href: url } }] }).run();
    } else {
      chain.setLink({ href: url }).run();
    }
    setLinkOpen(false);
    setHref("");
    setLinkError(null);
  }

  return (
    <div className="comment-editor">
      <span id={labelId} className="comment-editor-label">
        {label}
      </span>
      <FormatToolbar
        editor={editor}
        label={`${label} formatting`}
        className="comment-toolbar"
        formats={COMMENT_FORMATS}
        onLink={() => {
          setHref(editor?.getAttributes("link").href ?? "");
          setLinkOpen((open) => !open);
        }}
      />
      {linkOpen ? (
        <div className="comment-link-form">
          <label htmlFor={linkFieldId}>Link address</label>
          <input
            id={linkFieldId}
            type="url"
            value={href}
            placeholder="https://"
            onChange={(event) => setHref(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                applyLink();
              }
            }}
          />
          <button type="button" className="button secondary" onClick={applyLink}>
            Apply link
          </button>
          {linkActive ? (
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                editor?.chain().focus().extendMarkRange("link").unsetLink().run();
                setLinkOpen(false);
              }}
            >
              Remove link
            </button>
          ) : null}
          {linkError ? (
            <span role="alert" className="field-error">
              {linkError}
            </span>
          ) : null}
        </div>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
