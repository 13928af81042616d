// Showdown's command line, used by admins, tests and benchmarks. Same database rules as the app.
// Usage: npm run arena -- <command> [options]; `npm run arena -- help` lists the commands.
import { parseArgs } from "node:util";
import { z } from "zod";
import { bootDatabase } from "../lib/boot";
import { disconnectDb } from "../lib/db";
import { checkVoteIndex } from "../lib/slice-index/check";
import { EXPORT_HELP, runExport } from "./commands/export";
import { LEADERBOARD_HELP, runCompare, runLeaderboard } from "./commands/leaderboard";
import { SNAPSHOT_HELP, runSnapshot } from "./commands/snapshot";
import { closeVoteIndex } from "../lib/slice-index/vote-index";
import { removeDemoVotes, seedDemoVotes } from "../lib/demo";
import { isAppError } from "../lib/errors";
import { importBattlesFile, type ImportProgress } from "../lib/import";
import { CLI_ACTOR } from "../lib/queries/audit";
import { createAdmin, setRole } from "../lib/queries/users";
import { seedRoster } from "../lib/seed";

const HELP = `Usage: npm run arena -- <command>

  create-admin --email E --password P   create an admin (or promote an account and set its password)
  set-role --email E --role R           set an account's role: contributor, customer or admin
  import FILE                           import battles (JSON lines, .gz accepted); re-import adds nothing
  ${LEADERBOARD_HELP}
  ${EXPORT_HELP}
  ${SNAPSHOT_HELP}
  check                                 rebuild the slice index from the votes table and compare it with SQL counts
  seed                                  seed the roster and prompts of the replay corpus
  demo seed | demo remove               add or remove the labelled demo votes
`;

class UsageError extends Error {}

let database: Awaited<ReturnType<typeof bootDatabase>> | undefined;
async function boot(): Promise<void> {
  database = await bootDatabase();
}

/** A one-line progress bar on the terminal for the import's two passes. */
function progressBar(): (p: ImportProgress) => void {
  return (p) => {
    const share = p.totalBytes ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
    const width = 30;
    const filled = Math.round(share * width);
    process.stderr.write(
      `\r${p.phase === "checking" ? "checking " : "importing"} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${p.lines.toLocaleString("en")} lines`,
    );
  };
}

/** Bad arguments and AppErrors are the user's to fix: print the message only, exit 2. */
function isUserError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof UsageError || isAppError(error) || (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"));
}

async function run(command: string | undefined, rest: string[]): Promise<void> {
  switch (command) {
    case "create-admin": {
      const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, password: { type: "string" } } });
      const input = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(8).max(200) }).safeParse(values);
      if (!input.success) throw new UsageError("create-admin needs --email with a valid address and --password of at least 8 characters");
      await boot();
      const admin = await createAdmin(input.data.email, input.data.password, CLI_ACTOR);
      console.log(admin.created ? `Created admin ${admin.email}` : `${admin.email} is now an admin (password updated)`);
      return;
    }
    case "set-role": {
      const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, role: { type: "string" } } });
      const input = z
        .object({ email: z.string().trim().toLowerCase().email(), role: z.enum(["contributor", "customer", "admin"]) })
        .safeParse(values);
      if (!input.success) throw new UsageError("set-role needs --email of an existing account and --role contributor, customer or admin");
      await boot();
      await setRole(input.data.email, input.data.role.toUpperCase() as "CONTRIBUTOR" | "CUSTOMER" | "ADMIN", CLI_ACTOR);
      console.log(`${input.data.email} is now a ${input.data.role}`);
      return;
    }
    case "import": {
      const file = rest[0];
      if (!file) throw new UsageError("import needs a FILE");
      await boot();
      const bar = process.stderr.isTTY ? progressBar() : () => {};
      const r = await importBattlesFile(file, bar);
      if (process.stderr.isTTY) process.stderr.write("\n");
      const skipped = r.skippedNotAnonymous + r.skippedDeduplicated;
      console.log(
        `Read ${r.lines} lines: ${r.added} votes added, ${r.alreadyPresent} already present` +
          (skipped ? `, ${r.skippedNotAnonymous} skipped as not anonymous, ${r.skippedDeduplicated} skipped by LMArena's dedup rule` : "") +
          `; ${r.modelsCreated.length} models created (${r.seconds.toFixed(1)} s, ${Math.round(r.lines / Math.max(r.seconds, 0.001)).toLocaleString("en")} lines/s)`,
      );
      return;
    }
    case "leaderboard":
      await boot();
      return runLeaderboard(rest);
    case "compare":
      await boot();
      return runCompare(rest);
    case "export":
      await boot();
      return runExport(rest);
    case "snapshot":
      await boot();
      return runSnapshot(rest);
    case "check": {
      await boot();
      const started = Date.now();
      const result = await checkVoteIndex();
      if (result.mismatches.length) throw new Error(`The slice index disagrees with the votes table:\n${result.mismatches.join("\n")}`);
      console.log(`Slice index matches the votes table on ${result.slices} slices (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return;
    }
    case "seed": {
      await boot();
      const seeded = await seedRoster();
      console.log(`Seeded ${seeded.models} models and ${seeded.prompts} prompts`);
      return;
    }
    case "demo": {
      if (rest[0] !== "seed" && rest[0] !== "remove") throw new UsageError("demo takes `seed` or `remove`");
      await boot();
      if (rest[0] === "remove") console.log(`Removed ${await removeDemoVotes()} demo votes`);
      else {
        await seedRoster();
        const demo = await seedDemoVotes();
        console.log(
          demo.skipped
            ? "Demo votes are already present"
            : `Added ${demo.created} demo votes from ${demo.voters} simulated voters in ${(demo.ms / 1000).toFixed(1)} s`,
        );
      }
      return;
    }
    case undefined:
    case "help":
    case "--help":
      console.log(HELP);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  }
}

const [command, ...rest] = process.argv.slice(2);
let exitCode = 0;
try {
  await run(command, rest);
} catch (error) {
  exitCode = isUserError(error) ? 2 : 1;
  console.error(isUserError(error) ? error.message : error);
} finally {
  await closeVoteIndex();
  await disconnectDb();
  await database?.stop();
}
process.exit(exitCode);
