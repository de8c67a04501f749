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

/** A new account; `password: null` makes one that signs in only through single sign-on. */
export async function createUser(
  input: { email: string; name: string; password: string | null },
  tx: Executor = db(),
): Promise<User> {
  if (await findUserByEmail(input.email, tx)) throw conflict("An account with that email already exists.");
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  const [user] = await tx.insert(users).values({ email: normaliseEmail(input.email), name: input.name.trim(), passwordHash }).returning();
  return user;
}

/**
 * A new account with no password (it signs in through single sign-on), or
 * undefined when the address has one already, including one a concurrent
 * transaction has just opened: the insert then does nothing instead of
 * failing the caller's transaction.
 */
export async function createPasswordlessUserUnlessTaken(input: { email: string; name: string }, tx: Executor = db()): Promise<User | undefined> {
  const [user] = await tx
    .insert(users)
    .values({ email: normaliseEmail(input.email), name: input.name.trim(), passwordHash: null })
    .onConflictDoNothing()
    .returning();
  return user;
}

/**
 * The user whose email and password these are, or null; the same answer for
 * an unknown email, an account with no password (single sign-on only) and a
 * wrong password.
 */
export async function verifyCredentials(email: string, password: string): Promise<User | null> {
  const user = await findUserByEmail(email);
  if (!user?.passwordHash) {
    // Hash anyway so an email with no password to check takes as long as a wrong password.
    await hashPassword(password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}
