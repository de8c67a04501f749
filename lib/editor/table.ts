import type { RawCommands } from "@tiptap/core";
import { Table } from "@tiptap/extension-table";
import { Plugin } from "@tiptap/pm/state";

/**
 * TipTap's table, made safe on a table in a shape the schema does not allow.
 * Yjs keeps no schema: joins and splits merged from several writers can leave
 * a paragraph among a row's cells, which every editor draws as Yjs holds it
 * (see lib/editor/collaboration.ts). On such a table prosemirror-tables'
 * fix-up after an edit, and its commands (delete a column, go to the next
 * cell), throw. A fix-up that throws cancelled the edit that asked for it, and
 * every keystroke after it: it is skipped, and the table left as every editor
 * shows it. A command that throws is one that cannot be done here: it answers
 * false, as `can()` does, so the table's menu shows it unavailable.
 */
export const NoteTable = Table.extend({
  addCommands() {
    const commands = this.parent?.() ?? {};
    return Object.fromEntries(Object.entries(commands).map(([name, command]) => [name, commandThatCannotThrow(name, command)])) as Partial<RawCommands>;
  },

  addProseMirrorPlugins() {
    return (this.parent?.() ?? []).map(withFixUpsThatCannotThrow);
  },
});

type RawCommand = (...args: never[]) => (props: never) => boolean;

function commandThatCannotThrow(name: string, command: RawCommand | undefined): RawCommand | undefined {
  if (!command) return command;
  return (...args) =>
    (props) => {
      try {
        return command(...args)(props);
      } catch (error) {
        console.warn(`The table command ${name} cannot be done on this table:`, error);
        return false;
      }
    };
}

function withFixUpsThatCannotThrow(plugin: Plugin): Plugin {
  const append = plugin.spec.appendTransaction;
  if (!append) return plugin;
  return new Plugin({
    ...plugin.spec,
    appendTransaction(transactions, oldState, newState) {
      try {
        return append.call(this, transactions, oldState, newState);
      } catch (error) {
        console.warn("A table's fix-up could not be made; the table is left as it is:", error);
        return null;
      }
    },
  });
}
