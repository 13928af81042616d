/**
 * Runs once when a server starts: begins loading the vote index so the first leaderboard is quick,
 * and publishes a leaderboard snapshot whenever the newest one is older than SHOWDOWN_SNAPSHOT_HOURS
 * (a day by default). Every replica checks, first SHOWDOWN_SNAPSHOT_CHECK_DELAY_SECONDS after it starts
 * (a minute) and then every SHOWDOWN_SNAPSHOT_CHECK_EVERY_SECONDS (15 minutes); an advisory lock in
 * publishSnapshotIfDue lets one publish.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmVoteIndex } = await import("./lib/slice-index/vote-index");
  const { publishSnapshotIfDue } = await import("./lib/queries/snapshots");
  const { serverEnv } = await import("./lib/env");
  warmVoteIndex();
  const env = serverEnv();
  const hours = env.SHOWDOWN_SNAPSHOT_HOURS;
  if (hours === 0) return;
  const publish = () =>
    publishSnapshotIfDue(hours)
      .then((snapshot) => snapshot && console.log(`[showdown] published scheduled snapshot ${snapshot.id}`))
      .catch((error) => console.error("[showdown] scheduled snapshot failed", error));
  setTimeout(publish, env.SHOWDOWN_SNAPSHOT_CHECK_DELAY_SECONDS * 1000).unref();
  setInterval(publish, env.SHOWDOWN_SNAPSHOT_CHECK_EVERY_SECONDS * 1000).unref();
}
