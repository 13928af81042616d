import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Where a visitor lands after signing in without a page to return to. Contributors go to the arena (which asks
 * for their demographics before the first vote); admins and customers go to their own pages, so they are never
 * sent through the demographics form unless they open the arena to vote.
 */
export function landingPathFor(role: Role): string {
  switch (role) {
    case "ADMIN":
      return "/admin";
    case "CUSTOMER":
      return "/leaderboard";
    default:
      return "/arena";
  }
}
