const CHECK_EVERY_MS = 15 * 60_000;

/**
 * Runs once when a server starts: begins loading the vote index so the first leaderboard is quick,
 * and publishes a leaderboard snapshot whenever the newest one is older than SHOWDOWN_SNAPSHOT_HOURS
 * (a day by default). Every replica checks; an advisory lock in publishSnapshotIfDue lets one publish.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmVoteIndex } = await import("./lib/slice-index/vote-index");
  const { publishSnapshotIfDue } = await import("./lib/queries/snapshots");
  const { serverEnv } = await import("./lib/env");
  warmVoteIndex();
  const hours = serverEnv().SHOWDOWN_SNAPSHOT_HOURS;
  if (hours === 0) return;
  const publish = () =>
    publishSnapshotIfDue(hours)
      .then((snapshot) => snapshot && console.log(`[showdown] published scheduled snapshot ${snapshot.id}`))
      .catch((error) => console.error("[showdown] scheduled snapshot failed", error));
  setTimeout(publish, 60_000).unref();
  setInterval(publish, CHECK_EVERY_MS).unref();
}
