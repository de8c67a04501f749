"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { collectionName } from "@/lib/collections/fields";
import { createCollection, deleteCollection, fileNote, moveCollection, moveNoteInCollection, renameCollection } from "@/lib/collections/queries";
import { noteFor } from "@/lib/loaders/open";

const collectionId = z.uuid("That collection was not found.");

/** A writer makes a collection (folder) of notes; it is listed last in the sidebar. */
export const createCollectionAction = teamAction(z.object({ team: z.string(), name: collectionName }), "collection.manage", async (input, { team, user }) => {
  const collection = await createCollection(team.id, user.id, input.name);
  return { id: collection.id, name: collection.name };
});

export const renameCollectionAction = teamAction(z.object({ team: z.string(), collectionId, name: collectionName }), "collection.manage", async (input, { team }) => {
  await renameCollection(team.id, input.collectionId, input.name);
});

/** Deletes a collection; its notes stay, filed in none. */
export const deleteCollectionAction = teamAction(z.object({ team: z.string(), collectionId }), "collection.manage", async (input, { team, user }) => {
  await deleteCollection(team.id, user.id, input.collectionId);
});

/** Puts a collection at another place in the team's order (a drag, or Alt+Arrow, in the sidebar). */
export const moveCollectionAction = teamAction(
  z.object({ team: z.string(), collectionId, index: z.int("Say where to move the collection.").min(0, "Say where to move the collection.").max(1000) }),
  "collection.manage",
  async (input, { team }) => {
    await moveCollection(team.id, input.collectionId, input.index);
  },
);

/** Files a note the member may change in one of the team's collections, or in none (`collectionId` null). */
export const fileNoteAction = teamAction(
  z.object({ team: z.string(), noteId: z.uuid("That note was not found."), collectionId: collectionId.nullable() }),
  "team.edit",
  async (input, session) => {
    await noteFor(session, input.noteId, "update");
    await fileNote(session.team.id, input.noteId, input.collectionId);
  },
);

/** Puts a note at another place in its collection's own order (a drag, or Alt+Arrow, in the collection's list). */
export const moveNoteInCollectionAction = teamAction(
  z.object({ team: z.string(), collectionId, noteId: z.uuid("That note was not found."), index: z.int("Say where to move the note.").min(0, "Say where to move the note.").max(100_000) }),
  "collection.manage",
  async (input, { team }) => {
    await moveNoteInCollection(team.id, input.collectionId, input.noteId, input.index);
  },
);
