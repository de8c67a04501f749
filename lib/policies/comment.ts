import { holds, onlyFor, type Actor, type Verdict } from "./actor";

export interface CommentResource {
  teamId: string;
  authorId: string | null;
}

/** Comments on a note: threads are anyone's who may comment; a comment's words are its author's. */
export const commentPolicy = {
  resolve: (actor: Actor | null, comment: CommentResource) => holds(actor, comment.teamId, "comment"),
  edit(actor: Actor | null, comment: CommentResource): Verdict {
    if (!holds(actor, comment.teamId, "comment")) return false;
    return comment.authorId === actor.userId || onlyFor("You can only change your own comments.");
  },
  delete: (actor: Actor | null, comment: CommentResource): Verdict => commentPolicy.edit(actor, comment),
};
