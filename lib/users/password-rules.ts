import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password";

/** Longer than any passphrase a person types; hashing more is only work for the server. */
export const MAX_PASSWORD_LENGTH = 1024;

/** A password someone chooses (setup, the operators' command line), with the rules the invite sign-up applies. */
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `A password can be at most ${MAX_PASSWORD_LENGTH} characters.`);

export const personName = z.string().trim().min(1, "Enter your name.").max(100, "A name can be at most 100 characters.");

export const emailAddress = z
  .string()
  .trim()
  .max(320, "That e-mail address is too long.")
  .pipe(z.email("Enter an e-mail address such as ana@example.org."));
