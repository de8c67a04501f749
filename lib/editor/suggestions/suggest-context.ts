import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { newSuggestionId, SUGGESTED_DELETION, SUGGESTED_FORMAT, SUGGESTED_INSERTION, type SuggestionStamp } from "./model";

/** Who is suggesting, and the clock that dates their suggestions. */
export interface Suggester {
  /** The user id every new suggestion carries. */
  author: string;
  /** An ISO 8601 instant; tests fix it. */
  now?: () => string;
}

/**
 * What the step handlers share while they rewrite one transaction: the new
 * transaction, who suggests, and one stamp for everything this transaction
 * suggests (a replacement's deletion and insertion are one suggestion).
 */
export class SuggestContext {
  private stamp: SuggestionStamp | null = null;
  /** Where the caret goes once every step is rewritten, or null to map the original selection. */
  caret: number | null = null;

  constructor(
    readonly tracked: Transaction,
    readonly suggester: Suggester,
  ) {}

  get author() {
    return this.suggester.author;
  }

  get doc(): ProseMirrorNode {
    return this.tracked.doc;
  }

  /** This transaction's own stamp, made on first use. */
  newStamp(): SuggestionStamp {
    this.stamp ??= { id: newSuggestionId(), author: this.author, at: this.suggester.now?.() ?? new Date().toISOString() };
    return this.stamp;
  }

  /** Continues an earlier suggestion of this user's (more typing, more deleting) under its id and time. */
  useStamp(stamp: SuggestionStamp) {
    this.stamp ??= { id: stamp.id, author: stamp.author, at: stamp.at };
    return this.stamp;
  }

  /** This user's own suggestion mark of the given kind on a node, if it has one. Another author's never counts. */
  mine(node: ProseMirrorNode | null | undefined, name: typeof SUGGESTED_INSERTION | typeof SUGGESTED_DELETION): Mark | undefined {
    return node?.marks.find((mark) => mark.type.name === name && mark.attrs.author === this.author);
  }

  /** This user's own format suggestions on a node. */
  myFormats(node: ProseMirrorNode): Mark[] {
    return node.marks.filter((mark) => mark.type.name === SUGGESTED_FORMAT && mark.attrs.author === this.author);
  }
}

export const stampOfMark = (mark: Mark): SuggestionStamp => ({ id: String(mark.attrs.id), author: String(mark.attrs.author), at: String(mark.attrs.at) });

export const isDeleted = (node: ProseMirrorNode) => node.marks.some((mark) => mark.type.name === SUGGESTED_DELETION);
