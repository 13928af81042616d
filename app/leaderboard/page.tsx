import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { DataPolicyNotice } from "@/components/leaderboard/data-policy-notice";
import { LeaderboardExplorer } from "@/components/leaderboard/leaderboard-explorer";
import { parseLeaderboardFilters } from "@/lib/filters";
import { parseLeaderboardView } from "@/lib/leaderboard/view";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { describeSliceIn, sliceOptions } from "@/lib/slice-labels";
import { getSliceLabels } from "@/lib/slice-labels-server";
import { getCurrentUser } from "@/lib/session";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The leaderboard of a slice. The server renders the first board (no client fetch before the first paint);
 * after that the filter bar rewrites the URL in place and the board refetches /api/leaderboard (React Query).
 */
export default async function LeaderboardPage({ searchParams }: PageProps) {
  const params = await searchParams;
  const { filters } = parseLeaderboardFilters(params);
  const { view } = parseLeaderboardView(params);
  const [board, t, slices, user] = await Promise.all([
    getLeaderboard(filters, view),
    getTranslations("leaderboard"),
    getSliceLabels(),
    getCurrentUser().catch(() => null),
  ]);
  const sliceName = describeSliceIn(filters, slices.labels, slices.locale, slices.t);
  return (
    <section className="space-y-5">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <LeaderboardExplorer
        initial={{ filters, view, board, sliceName }}
        options={sliceOptions(slices.labels, slices.locale)}
        isAdmin={user?.role === "ADMIN"}
      />
      <DataPolicyNotice />
      <p className="text-xs text-slate-500">{t.rich("apiHint", { code: (chunks: ReactNode) => <code>{chunks}</code> })}</p>
    </section>
  );
}
