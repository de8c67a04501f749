"use client";

import type { EditorState } from "@tiptap/pm/state";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

interface Binding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
}

function bindingOf(state: EditorState): Binding | null {
  const binding = ySyncPluginKey.getState(state)?.binding as Binding | undefined;
  return binding?.type ? binding : null;
}

/** The selection as a Yjs-anchored passage, to send with a new comment. */
export function anchorSelection(state: EditorState): { anchorStart: string; anchorEnd: string; quote: string } | null {
  const binding = bindingOf(state);
  const { from, to } = state.selection;
  if (!binding || from === to) return null;
  const encode = (pos: number) =>
    toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never)));
  return { anchorStart: encode(from), anchorEnd: encode(to), quote: state.doc.textBetween(from, to, " ", " ").slice(0, 2_000) };
}

/** Where an anchored passage is now, or null when its text has been deleted. */
export function resolveAnchor(state: EditorState, anchorStart: string, anchorEnd: string): { from: number; to: number } | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  const resolve = (encoded: string) =>
    relativePositionToAbsolutePosition(binding.doc, binding.type, Y.decodeRelativePosition(fromBase64(encoded)), binding.mapping as never);
  const from = resolve(anchorStart);
  const to = resolve(anchorEnd);
  return from !== null && to !== null && to > from ? { from, to } : null;
}

/** A range of the text (a suggestion's) as a Yjs-anchored passage, to send with a new thread on it. */
export function anchorRange(state: EditorState, from: number, to: number): { anchorStart: string; anchorEnd: string; quote: string } | null {
  const binding = bindingOf(state);
  if (!binding || from >= to) return null;
  const encode = (pos: number) =>
    toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never)));
  return { anchorStart: encode(from), anchorEnd: encode(to), quote: state.doc.textBetween(from, to, " ", " ").slice(0, 2_000) };
}
