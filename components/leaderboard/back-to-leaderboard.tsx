import Link from "next/link";

/** The "← Leaderboard" link above pages reached from the leaderboard. */
export function BackToLeaderboard() {
  return (
    <p className="text-sm">
      <Link href="/leaderboard" className="underline underline-offset-2">
        ← Leaderboard
      </Link>
    </p>
  );
}
