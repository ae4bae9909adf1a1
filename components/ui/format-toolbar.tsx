"use client";

import { useEditorState, type ChainedCommands, type Editor } from "@tiptap/react";
import type { ReactNode } from "react";

type Format = { name: string; text: string; active: (editor: Editor) => boolean; run?: (chain: ChainedCommands) => ChainedCommands };

/** The formats a tiptap toolbar can offer; names begin with what the buttons show, so speech users can say what they see. */
const FORMATS = {
  bold: { name: "Bold", text: "B", active: (editor) => editor.isActive("bold"), run: (chain) => chain.toggleBold() },
  italic: { name: "Italic", text: "I", active: (editor) => editor.isActive("italic"), run: (chain) => chain.toggleItalic() },
  link: { name: "Link", text: "Link", active: (editor) => editor.isActive("link") },
  h2: {
    name: "H2 section heading",
    text: "H2",
    active: (editor) => editor.isActive("heading", { level: 2 }),
    run: (chain) => chain.toggleHeading({ level: 2 }),
  },
  h3: { name: "H3 subheading", text: "H3", active: (editor) => editor.isActive("heading", { level: 3 }), run: (chain) => chain.toggleHeading({ level: 3 }) },
  bulletList: { name: "Bulleted list", text: "• List", active: (editor) => editor.isActive("bulletList"), run: (chain) => chain.toggleBulletList() },
  orderedList: { name: "Numbered list", text: "1. List", active: (editor) => editor.isActive("orderedList"), run: (chain) => chain.toggleOrderedList() },
  blockquote: { name: "Quote", text: "Quote", active: (editor) => editor.isActive("blockquote"), run: (chain) => chain.toggleBlockquote() },
} satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

type Props = {
  editor: Editor | null;
  /** The toolbar's accessible name. */
  label: string;
  className: string;
  /** The format buttons, in order; each domain offers what its sanitizer keeps (lib/rich-text). */
  formats: readonly FormatName[];
  /** What the Link button does (it opens the domain's own link form). */
  onLink?: () => void;
  /** Further buttons after the formats, e.g. inserting references. */
  children?: ReactNode;
};

/** One formatting toolbar for every tiptap editor: toggle buttons that show whether their format is on. */
export function FormatToolbar({ editor, label, className, formats, onLink, children }: Props) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => (current ? formats.map((format) => FORMATS[format].active(current)) : null),
  });
  return (
    <div role="toolbar" aria-label={label} className={className}>
      {formats.map((format, index) => {
        const { name, text, run } = FORMATS[format] as Format;
        const onClick = run ? () => editor && run(editor.chain().focus()).run() : onLink;
        return (
          <button
            key={format}
            type="button"
            className="toolbar-button"
            aria-label={name}
            aria-pressed={active?.[index] ?? false}
            disabled={!editor}
            onClick={onClick}
          >
            {text}
          </button>
        );
      })}
      {children}
    </div>
  );
}
