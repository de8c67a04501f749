import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES } from "@/db/schema";
import { teamName, teamSlug } from "@/lib/teams/team-fields";
import { emailAddress, personName } from "@/lib/users/password-rules";

export const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user       Create an account, and add it to a team
      --email <address>        its e-mail address (required)
      --name <name>            the person's name (required)
      --team <slug>            the team to join, by its slug (/t/<slug>) ...
      --team-name <name>       ... or to create, with this name; the account becomes its owner
      --role <role>            owner, analyst, reviewer or reader (required to join a team)
      --password <password>    see "Passwords"
  reset-password    Set a new password and end every session of the account
      --email <address>        the account's e-mail address (required)
      --password <password>    see "Passwords"

Passwords: with --password (other users of this machine may see it in the
process list); otherwise read from standard input when that is not a terminal
(printf '%s' "$PASSWORD" | npm run -s admin -- reset-password --email ...);
otherwise, or when standard input is empty, a strong one is generated and
printed once.

The command reads the server's configuration: DATABASE_URL for PostgreSQL,
else the PGlite folder in DATA_DIR (stop the server first: one process at a
time may open it), and REDIS_URL to close the account's open editors on
every running process.`;

/** Wrong arguments: the message, then the usage, and exit status 2. */
export class UsageError extends Error {}

const role = z.enum(ROLES, { error: `--role must be one of ${ROLES.join(", ")}.` });

const createUser = z
  .object({
    email: emailAddress,
    name: personName,
    team: teamSlug.optional(),
    "team-name": teamName.optional(),
    role: role.optional(),
    password: z.string().optional(),
  })
  .transform((options, context) => {
    const { team: slug, "team-name": name } = options;
    if (!slug) {
      if (name !== undefined || options.role) context.addIssue({ code: "custom", message: "--team-name and --role need --team <slug>." });
      return { command: "create-user" as const, email: options.email, name: options.name, password: options.password };
    }
    // Creating a team makes its owner; joining one needs a role said out loud.
    const teamRole = options.role ?? (name !== undefined ? "owner" : undefined);
    if (!teamRole) context.addIssue({ code: "custom", message: "--role is required to join a team: owner, analyst, reviewer or reader." });
    return { command: "create-user" as const, email: options.email, name: options.name, password: options.password, team: { slug, name, role: teamRole ?? "reader" } };
  });

const resetPassword = z
  .object({ email: emailAddress, password: z.string().optional() })
  .transform((options) => ({ command: "reset-password" as const, ...options }));

export type AdminCommand = z.infer<typeof createUser> | z.infer<typeof resetPassword> | { command: "help" };

const OPTIONS = {
  email: { type: "string" },
  name: { type: "string" },
  team: { type: "string" },
  "team-name": { type: "string" },
  role: { type: "string" },
  password: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const ALLOWED: Record<string, (keyof typeof OPTIONS)[]> = {
  "create-user": ["email", "name", "team", "team-name", "role", "password"],
  "reset-password": ["email", "password"],
};

/** The command the arguments ask for, validated, or a UsageError saying what is wrong. */
export function parseCommand(argv: string[]): AdminCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own sentence, without its advice on positionals that start with "-".
    throw new UsageError(`${(error as Error).message.split(". ")[0].replace(/\.$/, "")}.`);
  }
  const { values, positionals } = parsed;
  const [name, ...extra] = positionals;
  if (values.help || name === "help") return { command: "help" };
  if (!name) throw new UsageError("Name a command: create-user or reset-password.");
  if (!(name in ALLOWED)) throw new UsageError(`There is no command "${name}": use create-user or reset-password.`);
  if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}"; quote values that hold spaces.`);
  const stray = Object.keys(values).find((option) => !ALLOWED[name].includes(option as keyof typeof OPTIONS));
  if (stray) throw new UsageError(`${name} takes no --${stray}.`);

  const result = (name === "create-user" ? createUser : resetPassword).safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0];
    const option = issue.path[0];
    if (issue.code === "invalid_type" && issue.input === undefined) throw new UsageError(`--${String(option)} is required.`);
    throw new UsageError(option !== undefined && !issue.message.startsWith("--") ? `--${String(option)}: ${issue.message}` : issue.message);
  }
  return result.data;
}
