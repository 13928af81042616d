import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { BattleCountHeatmap, RatingIntervalChart, WinFractionHeatmap } from "@/components/charts/lazy";
import { DeprecatedToggle } from "@/components/leaderboard/deprecated-toggle";
import { StyleCoefficients } from "@/components/leaderboard/style-coefficients";
import { StyleToggle } from "@/components/leaderboard/style-toggle";
import { ExcludedVotesNotice } from "@/components/leaderboard/excluded-votes-notice";
import { ReplayVotesNotice } from "@/components/leaderboard/replay-votes-notice";
import { FilterProblems } from "@/components/leaderboard/filter-problems";
import { modelHref } from "@/components/leaderboard/format";
import { LeaderboardTable } from "@/components/leaderboard/leaderboard-table";
import { prefixedEntries, toQuery } from "@/components/leaderboard/prefixed-filters";
import { DataPolicyNotice } from "@/components/leaderboard/data-policy-notice";
import { SliceFilterBar } from "@/components/leaderboard/slice-filter-bar";
import { isAllVoters, parseLeaderboardFilters } from "@/lib/filters";
import { parseLeaderboardView } from "@/lib/leaderboard/view";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { describeSliceIn, sliceOptions } from "@/lib/slice-labels";
import { getSliceLabels } from "@/lib/slice-labels-server";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function LeaderboardPage({ searchParams }: PageProps) {
  const params = await searchParams;
  const { filters, problems } = parseLeaderboardFilters(params);
  const { view, problems: viewProblems } = parseLeaderboardView(params);
  const [board, t, slices] = await Promise.all([getLeaderboard(filters, view), getTranslations("leaderboard"), getSliceLabels()]);
  const rated = board.rows.filter((r) => r.rating !== null);
  const byId = new Map(board.rows.map((r) => [r.modelId, r]));
  const heatmapModels = board.pairwise.modelIds.map((id) => ({ displayName: byId.get(id)!.displayName, href: modelHref(byId.get(id)!.name) }));
  // Side B is the slice on screen, side A everyone: the comparison then reads "this audience versus all voters".
  const compareHref = `/leaderboard/compare${isAllVoters(filters) ? "" : `?${toQuery(prefixedEntries(filters, "b."))}`}`;
  const sliceName = describeSliceIn(filters, slices.labels, slices.locale, slices.t);
  return (
    <section className="space-y-5">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="method">
          {t.rich("methodSummary", {
            // ICU select keys cannot hold a hyphen
            interval: board.method.interval.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
            style: board.method.style,
            voters: board.method.voters,
            link: (chunks: ReactNode) => (
              <Link href="/methodology#ratings" className="underline underline-offset-2">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </header>
      <SliceFilterBar value={filters} options={sliceOptions(slices.labels, slices.locale)} />
      <p className="text-sm">
        <Link href={compareHref} className="font-medium underline underline-offset-2">
          {t("compareLink")}
        </Link>{" "}
        <span className="text-slate-600">{t("compareHint")}</span>
      </p>
      <FilterProblems problems={[...problems, ...viewProblems]} />
      <p className="text-sm" data-testid="slice-summary">
        {board.votes === null || board.voters === null
          ? // under the voter minimum: no exact counts (see lib/leaderboard/thin-slice)
            t.rich("sliceSummaryThin", { name: sliceName, min: board.policy.minSliceVoters, slice: (chunks: ReactNode) => <strong>{chunks}</strong> })
          : t.rich("sliceSummary", {
              name: sliceName,
              votes: board.votes,
              voters: board.voters,
              slice: (chunks: ReactNode) => <strong>{chunks}</strong>,
              votesNumber: (chunks: ReactNode) => <span data-testid="slice-votes">{chunks}</span>,
              votersNumber: (chunks: ReactNode) => <span data-testid="slice-voters">{chunks}</span>,
            })}
      </p>
      {board.replayVotes !== null && board.replayVotes > 0 && <ReplayVotesNotice count={board.replayVotes} />}
      <ExcludedVotesNotice excluded={board.excludedVotes} />
      {board.demoVotes !== null && board.demoVotes > 0 && (
        <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900" data-testid="demo-notice">
          {t.rich("demoNotice", { count: board.demoVotes, code: (chunks: ReactNode) => <code>{chunks}</code> })}
        </p>
      )}
      <DeprecatedToggle filters={filters} view={view} hidden={board.hiddenDeprecated} />
      <StyleToggle filters={filters} view={view} />
      {board.isShown ? (
        <>
          {rated.length > 1 && <RatingIntervalChart points={rated.map((r) => ({ model: r.displayName, rating: r.rating!, lower: r.lower!, upper: r.upper! }))} />}
          <LeaderboardTable rows={board.rows} minModelVotes={board.policy.minModelVotes} />
          {board.style && <StyleCoefficients style={board.style} />}
          {heatmapModels.length > 1 && (
            <section className="space-y-3" aria-labelledby="pairwise-heading">
              <h2 id="pairwise-heading" className="text-lg font-semibold">
                {t("pairwiseTitle")}
              </h2>
              <p className="text-sm text-slate-600">{t("pairwiseText")}</p>
              <WinFractionHeatmap models={heatmapModels} winFraction={board.pairwise.winFraction} battles={board.pairwise.battles} />
              <BattleCountHeatmap models={heatmapModels} battles={board.pairwise.battles} />
            </section>
          )}
        </>
      ) : (
        <p className="rounded border border-slate-300 bg-white p-4 text-sm" data-testid="slice-too-small">
          {t("tooSmall", { min: board.policy.minSliceVoters })}
        </p>
      )}
      <DataPolicyNotice />
      <p className="text-xs text-slate-500">{t.rich("apiHint", { code: (chunks: ReactNode) => <code>{chunks}</code> })}</p>
    </section>
  );
}
