// `npm run arena -- snapshot`: publishes a leaderboard snapshot now (trigger "cli", audited).
import { parseArgs } from "node:util";
import { CLI_ACTOR } from "../../lib/queries/audit";
import { publishSnapshot } from "../../lib/queries/snapshots";

export const SNAPSHOT_HELP = "snapshot [--json]                     publish a leaderboard snapshot now (all, regions, languages)";

/** Publishes one snapshot and prints its id, cutoff and slices (or the summary as JSON). Expects a booted database. */
export async function runSnapshot(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } } });
  const snapshot = await publishSnapshot({ trigger: "cli", actor: CLI_ACTOR });
  if (values.json) {
    console.log(JSON.stringify(snapshot));
    return;
  }
  console.log(`Published snapshot ${snapshot.id}`);
  console.log(`Data cutoff: ${snapshot.dataCutoff}`);
  console.log(`Code version: ${snapshot.codeVersion}`);
  console.log(`Slices (${snapshot.sliceKeys.length}): ${snapshot.sliceKeys.join(", ")}`);
}
