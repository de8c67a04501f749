import type { ReactNode } from "react";
import { isSafeHref } from "@/lib/editor/extensions";

type JSONMark = { type: string; attrs?: Record<string, unknown> };
export type JSONNode = { type: string; text?: string; attrs?: Record<string, unknown>; content?: JSONNode[]; marks?: JSONMark[] };

export interface DocumentViewOptions {
  /** Where a mention links to; null renders it as plain text (for the public). */
  mentionHref?: (kind: "actor" | "event", id: string) => string | null;
}

const BLOCKS: Record<string, string> = {
  paragraph: "p",
  blockquote: "blockquote",
  bulletList: "ul",
  listItem: "li",
  table: "table",
  tableRow: "tr",
  tableHeader: "th",
  tableCell: "td",
};

function withMark(mark: JSONMark, children: ReactNode, key: number): ReactNode {
  switch (mark.type) {
    case "bold":
      return <strong key={key}>{children}</strong>;
    case "italic":
      return <em key={key}>{children}</em>;
    case "underline":
      return <u key={key}>{children}</u>;
    case "strike":
      return <s key={key}>{children}</s>;
    case "code":
      return <code key={key}>{children}</code>;
    case "link": {
      const href = String(mark.attrs?.href ?? "");
      // The schema refuses unsafe links, but stored JSON is checked again where it becomes HTML.
      return isSafeHref(href) ? (
        <a key={key} href={href} rel="noopener noreferrer nofollow">
          {children}
        </a>
      ) : (
        children
      );
    }
    case "diffInsert":
      return (
        <ins key={key} data-change={String(mark.attrs?.change ?? "")}>
          {children}
        </ins>
      );
    case "diffDelete":
      return (
        <del key={key} data-change={String(mark.attrs?.change ?? "")}>
          {children}
        </del>
      );
    default:
      return children;
  }
}

function render(node: JSONNode, key: number, options: DocumentViewOptions): ReactNode {
  const children = () => node.content?.map((child, i) => render(child, i, options));
  switch (node.type) {
    case "text":
      return (node.marks ?? []).reduceRight<ReactNode>((inner, mark, i) => withMark(mark, inner, i), node.text ?? "");
    case "heading": {
      const level = Math.min(Math.max(Number(node.attrs?.level ?? 2), 1), 3);
      const Tag = `h${level}` as "h1" | "h2" | "h3";
      return <Tag key={key}>{children()}</Tag>;
    }
    case "orderedList":
      return (
        <ol key={key} start={Number(node.attrs?.start ?? 1) || 1}>
          {children()}
        </ol>
      );
    case "codeBlock":
      return (
        <pre key={key}>
          <code>{children()}</code>
        </pre>
      );
    case "hardBreak":
      return <br key={key} />;
    case "horizontalRule":
      return <hr key={key} />;
    case "table":
      return (
        <table key={key}>
          <tbody>{children()}</tbody>
        </table>
      );
    case "mention": {
      const id = String(node.attrs?.id ?? "");
      const kind = node.attrs?.mentionSuggestionChar === "#" ? "event" : "actor";
      const label = String(node.attrs?.label ?? "");
      const href = options.mentionHref?.(kind, id);
      return href ? (
        <a key={key} className={`mention mention-${kind}`} href={href}>
          {label}
        </a>
      ) : (
        <span key={key} className={`mention mention-${kind}`}>
          {label}
        </span>
      );
    }
    default: {
      const Tag = (BLOCKS[node.type] ?? "div") as "div";
      return <Tag key={key}>{children()}</Tag>;
    }
  }
}

/**
 * A note's document rendered on the server, from its ProseMirror JSON, with no
 * editor code. Text goes through React, so it is always escaped; links are
 * checked again; unknown nodes render their content only.
 */
export function DocumentView({ document, className, ...options }: { document: JSONNode; className?: string } & DocumentViewOptions) {
  return <div className={className ?? "document"}>{document.content?.map((node, i) => render(node, i, options))}</div>;
}
