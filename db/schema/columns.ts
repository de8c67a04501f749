import { customType, timestamp } from "drizzle-orm/pg-core";

/** Binary column (Yjs state and updates). drizzle-orm has no built-in bytea. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => new Uint8Array(value),
});

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/** PostgreSQL's full-text vector; filled by a generated column, read only in queries. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
