/** Runs once when a server starts: begin loading the vote index so the first leaderboard is quick. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmVoteIndex } = await import("./lib/slice-index/vote-index");
  warmVoteIndex();
}
