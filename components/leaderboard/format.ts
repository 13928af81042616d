/** Number formats and links shared by the leaderboard, comparison and model pages (server and client). */
import { serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";
import { serializeLeaderboardView, type LeaderboardView } from "@/lib/leaderboard/view";

/** The leaderboard's URL for a slice and a view (only non-default view choices appear). */
export function leaderboardHref(filters: LeaderboardFilters, view: Partial<LeaderboardView>): string {
  const query = [serializeLeaderboardFilters(filters), serializeLeaderboardView(view)].filter(Boolean).join("&");
  return query ? `/leaderboard?${query}` : "/leaderboard";
}

/** A rank range: "3" when the interval allows one rank, "2–5" otherwise. */
export function rankRange(best: number | null, worst: number | null): string {
  if (best === null) return "–";
  return worst === null || worst === best ? String(best) : `${best}–${worst}`;
}

/** A whole number of rating points with an explicit sign and a real minus: "+12", "−7", "0". */
export function signed(n: number): string {
  const rounded = Math.round(n);
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${Math.abs(rounded)}`;
}

/** A share as a whole percentage: 0.125 -> "13%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The model page of a roster name (names may hold any character, so they are encoded). */
export function modelHref(name: string): string {
  return `/models/${encodeURIComponent(name)}`;
}
