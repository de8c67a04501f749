/**
 * Group commit: rows that arrive while a write is in flight are written
 * together by the next one, so a busy log commits once per batch instead of
 * once per keystroke (on PGlite a one-row insert costs about as much as fifty
 * rows, and blocks the event loop while it runs). A row that arrives when
 * nothing is being written goes out at once, so a lone editor waits no longer.
 * Each caller resolves only when the write that holds its row has committed;
 * if a batch fails, its rows are written one by one, so only a bad row's own
 * caller is refused.
 */
export function groupCommit<T>(write: (rows: T[]) => Promise<void>, maxBatch = 500): (row: T) => Promise<void> {
  type Waiting = { row: T; resolve: () => void; reject: (error: unknown) => void };
  let queue: Waiting[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await write(batch.map((waiting) => waiting.row));
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        if (batch.length === 1) batch[0].reject(error);
        else {
          for (const waiting of batch) {
            try {
              await write([waiting.row]);
              waiting.resolve();
            } catch (own) {
              waiting.reject(own);
            }
          }
        }
      }
    }
    writing = false;
  }

  return (row) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ row, resolve, reject });
      if (!writing) void drain();
    });
}
