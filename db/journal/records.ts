import { crc32 } from "node:zlib";

/**
 * The journal's records, framed so that a torn or damaged tail is found:
 * each is [payload length: u32][CRC-32 of the payload: u32][payload], little
 * endian, and the payload is [note id length: u8][note id][user id length:
 * u8, 0 for none][user id][the Yjs update].
 */

export interface JournalRecord {
  noteId: string;
  userId: string | null;
  update: Uint8Array;
}

const HEADER = 8;
// A bound for a damaged length, so it is not read as a record of gigabytes; the checksum is what judges a record.
const MAX_PAYLOAD = 256 * 1024 * 1024;

export function encodeRecords(records: readonly JournalRecord[]): Buffer {
  const frames = records.map((record) => {
    const noteId = Buffer.from(record.noteId, "utf8");
    const userId = Buffer.from(record.userId ?? "", "utf8");
    if (noteId.length > 255 || userId.length > 255) throw new Error("a journal record's ids are at most 255 bytes");
    const payload = Buffer.concat([Buffer.of(noteId.length), noteId, Buffer.of(userId.length), userId, record.update]);
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(payload.length, 0);
    header.writeUInt32LE(crc32(payload), 4);
    return Buffer.concat([header, payload]);
  });
  return Buffer.concat(frames);
}

export interface DecodedJournal {
  records: JournalRecord[];
  /** Bytes up to the end of the last whole, valid record: what follows is a torn write or damage. */
  validLength: number;
  /** Why the rest was not read, when there is a rest. */
  damage?: string;
}

function decodePayload(payload: Buffer): JournalRecord | null {
  const noteIdLength = payload[0];
  const userIdAt = 1 + noteIdLength;
  if (userIdAt >= payload.length) return null;
  const userIdLength = payload[userIdAt];
  const updateAt = userIdAt + 1 + userIdLength;
  if (updateAt > payload.length) return null;
  return {
    noteId: payload.toString("utf8", 1, userIdAt),
    userId: userIdLength > 0 ? payload.toString("utf8", userIdAt + 1, updateAt) : null,
    update: new Uint8Array(payload.subarray(updateAt)),
  };
}

/** Reads records from the start up to the first that is cut short or fails its checksum. */
export function decodeRecords(bytes: Buffer): DecodedJournal {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < HEADER) return { records, validLength: offset, damage: "a record's header is cut short" };
    const length = bytes.readUInt32LE(offset);
    if (length > MAX_PAYLOAD) return { records, validLength: offset, damage: "a record's length is out of range" };
    if (bytes.length - offset - HEADER < length) return { records, validLength: offset, damage: "a record is cut short" };
    const payload = bytes.subarray(offset + HEADER, offset + HEADER + length);
    if (crc32(payload) !== bytes.readUInt32LE(offset + 4)) return { records, validLength: offset, damage: "a record fails its checksum" };
    const record = decodePayload(payload);
    if (!record) return { records, validLength: offset, damage: "a record's payload is malformed" };
    records.push(record);
    offset += HEADER + length;
  }
  return { records, validLength: offset };
}
