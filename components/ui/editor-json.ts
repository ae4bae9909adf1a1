import type { Editor, JSONContent } from "@tiptap/react";

/**
 * The editor's document as plain JSON, ready to pass to a server action. ProseMirror keeps node
 * and mark attributes in prototype-less objects, which a server action's arguments do not carry:
 * a citation would arrive without its passages, a link without its address.
 */
export function editorJson(editor: Editor): JSONContent {
  return JSON.parse(JSON.stringify(editor.getJSON()));
}
