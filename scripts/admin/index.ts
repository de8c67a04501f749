/**
 * `npm run admin -- <command>`: what operators do outside the browser: create
 * an account (the first one too, instead of /setup), reset a password. Run
 * against the server's own configuration; see USAGE.
 */
import path from "node:path";
import { setDatabase } from "@/db";
import { openDatabase } from "@/db/client";
import { ConfigError, loadConfig } from "@/lib/config";
import { claimDataDir, DataDirInUse } from "@/lib/data-dir-lock";
import { AppError } from "@/lib/errors";
import { createAccount, resetPassword } from "@/lib/operators/accounts";
import { parseCommand, UsageError, USAGE, type AdminCommand } from "./arguments";
import { choosePassword } from "./password";
import { reachServers } from "./remote-collab";

async function run(command: Exclude<AdminCommand, { command: "help" }>): Promise<void> {
  const config = loadConfig();
  // Everything is checked before the database is opened: wrong input changes nothing.
  const { password, generated } = await choosePassword(command.password);

  const release = config.databaseUrl ? undefined : claimDataDir(config.dataDir, "the admin command");
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite") });
  setDatabase(database);
  try {
    // A database no server has started on yet gets its tables here, so the first account can be made before the first start.
    await database.exclusively(() => database.migrate());
    const servers = reachServers(config.redisUrl);
    if (command.command === "create-user") {
      const { user, team, teamCreated } = await createAccount({ email: command.email, name: command.name, password, team: command.team });
      const joined = team ? `, ${teamCreated ? "owner of the new team" : `${command.team!.role} of`} ${team.name} (/t/${team.slug})` : "";
      console.log(`Created the account ${user.email} (${user.name})${joined}.`);
    } else {
      const { user, sessionsEnded } = await resetPassword(command.email, password);
      try {
        await servers.delivered();
      } catch (error) {
        throw new AppError("conflict", `The password was set and the sessions ended, but the servers could not be told to close the account's open editors (${(error as Error).message}); they close when they next reconnect.`);
      }
      console.log(`Set a new password for ${user.email} and ended ${sessionsEnded} ${sessionsEnded === 1 ? "session" : "sessions"}.`);
      if (!servers.reachesEditors) console.log("Without REDIS_URL, editors the account has open on a running server close when they next reconnect.");
    }
    if (generated) console.log(`Password (shown once): ${password}`);
  } finally {
    await database.close();
    release?.();
  }
}

async function main(): Promise<number> {
  let command: AdminCommand;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.command === "help") {
    console.log(USAGE);
    return 0;
  }
  try {
    await run(command);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof AppError || error instanceof ConfigError || error instanceof DataDirInUse) {
      console.error(error.message);
      return 1;
    }
    console.error("The command failed:", error);
    return 1;
  }
}

process.exit(await main());
