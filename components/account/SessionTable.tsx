import { RelativeTime } from "@/components/RelativeTime";
import type { SessionSummary } from "@/lib/auth/account-sessions";
import { EndOtherSessionsButton, EndSessionButton } from "./SessionButtons";

/** The user's open sessions, this browser first; the others can be signed out one by one or all at once. */
export function SessionTable({ sessions }: { sessions: SessionSummary[] }) {
  const others = sessions.filter((session) => !session.current).length;
  return (
    <div className="stack">
      <table className="list" aria-label="Sessions">
        <thead>
          <tr>
            <th>Device</th>
            <th>Address</th>
            <th>Signed in</th>
            <th>Last seen</th>
            <th>
              <span className="sr-only">Sign out</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} data-testid="session">
              <td>
                {session.device} {session.current && <span className="badge">This browser</span>}
              </td>
              <td>{session.address ?? "unknown"}</td>
              <td>
                <RelativeTime date={session.startedAt} />
              </td>
              <td>
                <RelativeTime date={session.lastSeenAt} />
              </td>
              <td>{!session.current && <EndSessionButton sessionId={session.id} device={session.device} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {others === 0 ? <p className="muted">No other browser is signed in to your account.</p> : <EndOtherSessionsButton />}
    </div>
  );
}
