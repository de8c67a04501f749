import type { Hocuspocus } from "@hocuspocus/server";

/** A user (and session) a socket showed a token for, and the note it was for; the team is known once the note is read. */
interface SocketGrant {
  userId: string;
  sessionId: string;
  noteId: string;
  teamId?: string;
}

interface OpenSocket {
  close(code: number, reason: string): void;
  grants: Set<SocketGrant>;
}

/**
 * The collaboration sockets one server has open, and whom each showed a token
 * for. A socket is recorded from the moment its token is checked, not only
 * once Hocuspocus attaches it to the note: that waits for the note to load,
 * and a revocation that lands meanwhile must still find the socket. Keyed by
 * the upgrade request, which Hocuspocus hands to every hook of the socket.
 */
class OpenSockets {
  private readonly sockets = new Map<Request, OpenSocket>();

  opened(request: Request, close: OpenSocket["close"]): void {
    this.sockets.set(request, { close, grants: new Set() });
  }

  closed(request: Request): void {
    this.sockets.delete(request);
  }

  /**
   * Records that the socket shows a valid token for the user, before their
   * access is read, so no revocation can slip between the read and the
   * record. Undefined for a socket this server did not open.
   */
  claim(request: Request, identity: { userId: string; sessionId: string }, noteId: string): SocketGrant | undefined {
    const socket = this.sockets.get(request);
    if (!socket) return undefined;
    const grant: SocketGrant = { ...identity, noteId };
    socket.grants.add(grant);
    return grant;
  }

  /** Forgets a grant whose access was refused. */
  release(request: Request, grant: SocketGrant): void {
    this.sockets.get(request)?.grants.delete(grant);
  }

  /** Closes one socket, whatever it showed a token for. */
  closeSocket(request: Request, why: { code: number; reason: string }): void {
    const socket = this.sockets.get(request);
    this.sockets.delete(request);
    socket?.close(why.code, why.reason);
  }

  /**
   * Closes every socket that showed a token matching `concerns` (a member's
   * for a team, a user's or a session's), whether or not its note has loaded;
   * a grant whose team is not read yet counts as any team's. Returns how many.
   */
  close(concerns: (grant: SocketGrant) => boolean, why: { code: number; reason: string }): number {
    let closed = 0;
    for (const [request, socket] of this.sockets) {
      if (![...socket.grants].some(concerns)) continue;
      this.sockets.delete(request);
      socket.close(why.code, why.reason);
      closed += 1;
    }
    return closed;
  }
}

const registries = new WeakMap<Hocuspocus, OpenSockets>();

/** The open sockets of this collaboration server. */
export function openSockets(hocuspocus: Hocuspocus): OpenSockets {
  let sockets = registries.get(hocuspocus);
  if (!sockets) {
    sockets = new OpenSockets();
    registries.set(hocuspocus, sockets);
  }
  return sockets;
}
