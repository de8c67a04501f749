import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { BackupError } from "./manifest";

/**
 * A running server holds its PGlite folder, and PGlite lets no second process
 * open it; so `npm run backup` asks the server for a copy on a Unix socket in
 * DATA_DIR. It is made 0600: only whoever may read DATA_DIR (and so take the
 * data already) can ask, and nothing is reachable from the network.
 */
export const BACKUP_SOCKET = "backup.sock";
const REQUEST = "backup\n";

/** Answers backup requests with `dump()`'s bytes, one request at a time; returns a function that stops. */
export function serveBackups(dataDir: string, dump: () => Promise<Blob>): () => void {
  const file = path.join(dataDir, BACKUP_SOCKET);
  // Left by a server that was killed; the DATA_DIR lock says no other server runs here.
  fs.rmSync(file, { force: true });
  let queue: Promise<unknown> = Promise.resolve();
  const server = net.createServer((socket) => {
    socket.on("error", () => {});
    let request = "";
    socket.on("data", (chunk) => {
      request += chunk.toString();
      if (request.length < REQUEST.length) return;
      socket.removeAllListeners("data");
      if (request !== REQUEST) return socket.destroy();
      // One copy at a time: each holds PGlite for as long as it takes.
      queue = queue.then(async () => {
        try {
          const bytes = Buffer.from(await (await dump()).arrayBuffer());
          socket.write(`${JSON.stringify({ bytes: bytes.length })}\n`);
          socket.end(bytes);
        } catch (error) {
          socket.end(`${JSON.stringify({ error: (error as Error).message })}\n`);
        }
      });
    });
  });
  server.on("error", (error) => console.warn(`Backups through ${file} are unavailable: ${error.message}`));
  // The socket is created under this mask, so it is never open to others, not even for a moment.
  const umask = process.umask(0o177);
  try {
    server.listen(file);
  } finally {
    process.umask(umask);
  }
  return () => {
    server.close();
    fs.rmSync(file, { force: true });
  };
}

/** Asks the server holding `dataDir` for a copy of its database. */
export function requestBackup(dataDir: string): Promise<Buffer> {
  const file = path.join(dataDir, BACKUP_SOCKET);
  return new Promise((resolve, reject) => {
    const socket = net.connect(file);
    const chunks: Buffer[] = [];
    socket.on("connect", () => socket.write(REQUEST));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) =>
      reject(new BackupError(`The server holding ${dataDir} did not answer on ${file} (${error.message}). A server older than this release cannot make a backup: stop it, and run the backup again.`)),
    );
    socket.on("end", () => {
      const all = Buffer.concat(chunks);
      const newline = all.indexOf("\n");
      let header: { bytes?: number; error?: string } = {};
      try {
        if (newline >= 0) header = JSON.parse(all.subarray(0, newline).toString());
      } catch {
        // An answer that is not one: reported as incomplete below.
      }
      const body = all.subarray(newline + 1);
      if (header.error) reject(new BackupError(`The server could not copy its database: ${header.error}`));
      else if (header.bytes === undefined || body.length !== header.bytes) reject(new BackupError("The server's copy of its database arrived incomplete; run the backup again."));
      else resolve(body);
    });
  });
}
