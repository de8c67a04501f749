import type { Extension, onLoadDocumentPayload } from "@hocuspocus/server";
import { eventually } from "./collab";

interface HeldLoad {
  reached: boolean;
  release: () => void;
  released: Promise<void>;
}

/**
 * Holds the load of chosen notes, after their state has been read from the
 * database and before Hocuspocus attaches anyone to them, as a slow load of
 * a large note does, until the test releases it. Pass `extension` to
 * startCollabServer.
 */
export function heldLoads() {
  const held = new Map<string, HeldLoad>();
  const extension: Extension = {
    extensionName: "TestHeldLoads",
    async onLoadDocument({ documentName }: onLoadDocumentPayload) {
      const load = held.get(documentName);
      if (!load) return;
      load.reached = true;
      await load.released;
    },
  };
  return {
    extension,
    /** Holds the next load of the note; `reached` waits until one is being held. */
    hold(noteId: string) {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const load: HeldLoad = { reached: false, release, released };
      held.set(noteId, load);
      return {
        reached: () =>
          eventually(() => {
            if (!load.reached) throw new Error(`the load of ${noteId} has not started`);
          }),
        release: () => {
          held.delete(noteId);
          load.release();
        },
      };
    },
  };
}
