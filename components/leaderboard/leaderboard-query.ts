import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "@/lib/client/api-client";
import { serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";
import type { Leaderboard } from "@/lib/leaderboard/build";
import { serializeLeaderboardView, type LeaderboardView } from "@/lib/leaderboard/view";

/**
 * The React Query options of one board: the key is the parsed filter set and view (equal slices have equal
 * keys, since parsing sorts and de-duplicates), the data `/api/leaderboard` with the same query as the page.
 */
export function leaderboardQuery(filters: LeaderboardFilters, view: LeaderboardView) {
  const query = [serializeLeaderboardFilters(filters), serializeLeaderboardView(view)].filter(Boolean).join("&");
  return queryOptions({
    queryKey: ["leaderboard", filters, view] as const,
    queryFn: ({ signal }) => apiRequest<Leaderboard>(`/api/leaderboard${query ? `?${query}` : ""}`, { signal }),
  });
}
