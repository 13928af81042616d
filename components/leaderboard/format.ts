/** Number formats shared by the leaderboard, comparison and model pages (server and client). */

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
