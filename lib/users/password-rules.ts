import { z } from "zod";
import { badRequest } from "@/lib/errors";

/**
 * What a new password must be, wherever one is chosen (an invite's sign-up,
 * the account page, a reset link). Nothing here touches the server, so forms in the
 * browser can show the same numbers.
 */
export const MIN_PASSWORD_LENGTH = 8;
/** argon2 hashes any length, but hashing a huge one on every sign-in is work for nothing. */
export const MAX_PASSWORD_BYTES = 1024;

const bytes = (text: string) => new TextEncoder().encode(text).length;

export const newPassword = z
  .string({ error: "Choose a password." })
  .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
  .refine((password) => bytes(password) <= MAX_PASSWORD_BYTES, `That password is too long: a password can be at most ${MAX_PASSWORD_BYTES} bytes.`);

/** Refuses a new password that breaks the rules, with the rule's sentence. */
export function checkNewPassword(password: unknown): asserts password is string {
  const parsed = newPassword.safeParse(password);
  if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
}

export const personName = z.string().trim().min(1, "Enter your name.").max(100, "A name can be at most 100 characters.");

export const emailAddress = z
  .string()
  .trim()
  .max(320, "That e-mail address is too long.")
  .pipe(z.email("Enter an e-mail address such as ana@example.org."));
