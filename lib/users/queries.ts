import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { users, type User } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { conflict } from "@/lib/errors";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(email: string, tx: Executor = db()): Promise<User | undefined> {
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normaliseEmail(email)));
  return user;
}

export async function findUserById(id: string, tx: Executor = db()): Promise<User | undefined> {
  const [user] = await tx.select().from(users).where(eq(users.id, id));
  return user;
}

export async function createUser(
  input: { email: string; name: string; password: string },
  tx: Executor = db(),
): Promise<User> {
  if (await findUserByEmail(input.email, tx)) throw conflict("An account with that email already exists.");
  const [user] = await tx
    .insert(users)
    .values({ email: normaliseEmail(input.email), name: input.name.trim(), passwordHash: await hashPassword(input.password) })
    .returning();
  return user;
}

/** The user whose email and password these are, or null; the same answer for an unknown email and a wrong password. */
export async function verifyCredentials(email: string, password: string): Promise<User | null> {
  const user = await findUserByEmail(email);
  if (!user) {
    // Hash anyway so an unknown email takes as long as a wrong password.
    await hashPassword(password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}
