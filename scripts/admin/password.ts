import { randomBytes } from "node:crypto";
import { newPassword } from "@/lib/users/password-rules";
import { UsageError } from "./arguments";

/** 18 random bytes: 144 bits, 24 characters of base64url. */
const generate = () => randomBytes(18).toString("base64url");

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The password to set: --password's, else standard input's when that is not
 * a terminal (one trailing line break dropped), else a generated one, which
 * the caller prints once. A chosen password follows the app's rules.
 */
export async function choosePassword(given: string | undefined, stdin: NodeJS.ReadStream = process.stdin): Promise<{ password: string; generated: boolean }> {
  const chosen = given ?? (stdin.isTTY ? "" : (await readAll(stdin)).replace(/\r?\n$/, ""));
  if (chosen === "") return { password: generate(), generated: true };
  const checked = newPassword.safeParse(chosen);
  if (!checked.success) throw new UsageError(`The password: ${checked.error.issues[0].message}`);
  return { password: chosen, generated: false };
}
