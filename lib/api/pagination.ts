import { z } from "zod";
import { badRequest } from "@/lib/errors";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** The query of a listing: how many, and where the last page ended. */
export const pageQuery = {
  limit: z.coerce
    .number()
    .int("The limit must be a whole number.")
    .min(1, "The limit must be at least 1.")
    .max(MAX_PAGE_SIZE, `The limit can be at most ${MAX_PAGE_SIZE}.`)
    .default(DEFAULT_PAGE_SIZE)
    .meta({ description: `How many items, at most ${MAX_PAGE_SIZE}.` }),
  cursor: z.string().max(500).optional().meta({ description: "The `nextCursor` of the page before; omit for the first page." }),
};

/** A page of a listing: its items and, when there are more, the cursor (and link) of the next. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Opaque; pass it as `cursor` for the next page. Null on the last page." }),
    next: z.string().nullable().meta({ description: "The URL of the next page, or null." }),
  });

/** A cursor is the last item's sort key, opaque to clients: base64url of its JSON. */
export const encodeCursor = (key: readonly (string | number)[]): string => Buffer.from(JSON.stringify(key)).toString("base64url");

/** The sort key a cursor carries, checked against its shape; a cursor that is not one of ours is a bad request. */
export function decodeCursor<T>(cursor: string | undefined, shape: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) throw badRequest("That cursor is not one this API gave; start again from the first page.");
  return parsed.data;
}

/**
 * Builds the page from `limit + 1` rows (the extra one says whether there is
 * a next page) and the URL of this request, whose `cursor` it replaces.
 */
export function toPage<Row, Item>(rows: Row[], limit: number, url: URL, keyOf: (row: Row) => (string | number)[], itemOf: (row: Row) => Item) {
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const nextCursor = more ? encodeCursor(keyOf(shown[shown.length - 1])) : null;
  let next: string | null = null;
  if (nextCursor) {
    const link = new URL(url);
    link.searchParams.set("cursor", nextCursor);
    next = link.toString();
  }
  return { items: shown.map(itemOf), nextCursor, next };
}
