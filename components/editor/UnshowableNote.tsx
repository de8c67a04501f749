/** What a note's page shows instead of an editor that must not go on: its body failed the guard, or a change from elsewhere could not be drawn. */
export function UnshowableNote({ team, noteId, problem, cause }: { team: string; noteId: string; problem: string; cause: "body" | "render" }) {
  return (
    <div className="card" role="alert">
      <p className="error">{problem}</p>
      {cause === "render" ? (
        <p>
          Editing is paused and nothing was changed. Everything acknowledged as Saved is kept: <a href="">reload the page</a> to go on.
        </p>
      ) : (
        <p>
          Editing is paused and nothing was changed. An earlier version can be restored from the{" "}
          <a href={`/t/${team}/notes/${noteId}/history`}>note&apos;s history</a>.
        </p>
      )}
    </div>
  );
}
