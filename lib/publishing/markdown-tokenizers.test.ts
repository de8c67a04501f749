import { flattenExtensions, getExtensionField, type MarkdownTokenizer } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { documentExtensions } from "@/lib/editor/extensions";
import { markdownManager } from "./markdown";
import { withCheapFirstLook } from "./markdown-tokenizers";

const tokenizerOf = (extension: Parameters<typeof withCheapFirstLook>[0]) => getExtensionField<MarkdownTokenizer>(extension, "markdownTokenizer");

/** Lists and tables in the shapes that end them, continue them, nest them or almost start them. */
const DOCUMENTS = [
  "1. one\n2. two\n\nAfter.\n",
  "1. one\nlazy line\n2. two\n   indented\n\n   still the item\n\n3) three\n\n- bullet\n",
  "i. roman\nii. roman\n\na) letter\nb) letter\n\n# Heading\n",
  "1. outer\n   1. inner\n   2. inner\n2. outer\n\n\n\nText\n10. ten\n",
  "1.not an item\n\n2024. year\n\n1. item\n> quote\n\nx\n",
  "| a | b |\n| - | :-: |\n| 1 | 2 |\nmore\n\n| lone | pipe |\n\ntext\n|---|\n",
  "Intro\n| a | b |\n|---|---|\n| 1 | 2 |\n\n1. after a table\n",
  "a | b\n--|--\n1 | 2",
  "1. last line without a newline",
];

/** Every position a block could start at: each line's start. */
const lineStarts = (src: string) => [0, ...[...src.matchAll(/\n/g)].map((match) => match.index + 1)].map((index) => src.slice(index));

describe("the ordered-list and table tokenizers, given only what they read", () => {
  const lexer = new (markdownManager().instance.Lexer)();
  const helpers = { inlineTokens: (src: string) => lexer.inlineTokens(src), blockTokens: (src: string) => lexer.blockTokens(src) };
  const extensions = flattenExtensions(documentExtensions()).filter((extension) => ["orderedList", "table"].includes(tokenizerOf(extension)?.name ?? ""));

  it("finds both tokenizers", () => {
    expect(extensions.map((extension) => tokenizerOf(extension).name).sort()).toEqual(["orderedList", "table"]);
  });

  it.each(DOCUMENTS)("reads %j exactly as before, from every line", (document) => {
    for (const extension of extensions) {
      const original = tokenizerOf(extension);
      const guarded = tokenizerOf(withCheapFirstLook(extension));
      for (const src of lineStarts(document)) {
        expect(JSON.stringify(guarded.tokenize(src, [], helpers)), `${original.name} at ${JSON.stringify(src)}`).toBe(JSON.stringify(original.tokenize(src, [], helpers)));
        if (typeof original.start === "function" && typeof guarded.start === "function") expect(guarded.start(src)).toBe(original.start(src));
      }
    }
  });
});
