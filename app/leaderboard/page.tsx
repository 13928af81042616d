import Link from "next/link";
import { BattleCountHeatmap } from "@/components/charts/battle-count-heatmap";
import { RatingIntervalChart } from "@/components/charts/rating-interval-chart";
import { WinFractionHeatmap } from "@/components/charts/win-fraction-heatmap";
import { FILTER_OPTIONS } from "@/components/leaderboard/filter-options";
import { FilterProblems } from "@/components/leaderboard/filter-problems";
import { modelHref } from "@/components/leaderboard/format";
import { LeaderboardTable } from "@/components/leaderboard/leaderboard-table";
import { prefixedEntries, toQuery } from "@/components/leaderboard/prefixed-filters";
import { DataPolicyNotice } from "@/components/leaderboard/data-policy-notice";
import { SliceFilterBar } from "@/components/leaderboard/slice-filter-bar";
import { isAllVoters, parseLeaderboardFilters } from "@/lib/filters";
import { getLeaderboard } from "@/lib/queries/leaderboard";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function LeaderboardPage({ searchParams }: PageProps) {
  const { filters, problems } = parseLeaderboardFilters(await searchParams);
  const board = await getLeaderboard(filters);
  const rated = board.rows.filter((r) => r.rating !== null);
  const byId = new Map(board.rows.map((r) => [r.modelId, r]));
  const heatmapModels = board.pairwise.modelIds.map((id) => ({ displayName: byId.get(id)!.displayName, href: modelHref(byId.get(id)!.name) }));
  // Side B is the slice on screen, side A everyone: the comparison then reads "this audience versus all voters".
  const compareHref = `/leaderboard/compare${isAllVoters(filters) ? "" : `?${toQuery(prefixedEntries(filters, "b."))}`}`;
  return (
    <section className="space-y-5">
      <header>
        <h1 className="text-2xl font-bold">Leaderboard</h1>
        <p className="mt-1 text-sm text-slate-600">
          {board.method.name}, 400 points per factor of 10 in odds, ratings averaging 1000; {board.method.interval} intervals
          ({board.policy.bootstrapRounds} rounds, seed {board.policy.bootstrapSeed}). Rank = 1 + the number of models statistically better (whose interval lies
          entirely above). Ties and &ldquo;both bad&rdquo; count as half a win for each side.
        </p>
      </header>
      <SliceFilterBar value={filters} options={FILTER_OPTIONS} />
      <p className="text-sm">
        <Link href={compareHref} className="font-medium underline underline-offset-2">
          Compare two audiences
        </Link>{" "}
        <span className="text-slate-600">side by side, e.g. Europe against Asia or 18-24 against 55-64.</span>
      </p>
      <FilterProblems problems={problems} />
      <p className="text-sm" data-testid="slice-summary">
        <strong>{board.slice}</strong>: <span data-testid="slice-votes">{board.votes}</span> votes by{" "}
        <span data-testid="slice-voters">{board.voters}</span> voters.
      </p>
      {board.demoVotes > 0 && (
        <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900" data-testid="demo-notice">
          Includes {board.demoVotes} demo votes: labelled sample data generated for this demo deployment (never exported). An
          admin removes them with <code>npm run arena -- demo remove</code>.
        </p>
      )}
      {board.isShown ? (
        <>
          {rated.length > 1 && <RatingIntervalChart points={rated.map((r) => ({ model: r.displayName, rating: r.rating!, lower: r.lower!, upper: r.upper! }))} />}
          <LeaderboardTable rows={board.rows} minModelVotes={board.policy.minModelVotes} />
          {heatmapModels.length > 1 && (
            <section className="space-y-3" aria-labelledby="pairwise-heading">
              <h2 id="pairwise-heading" className="text-lg font-semibold">
                Model against model
              </h2>
              <p className="text-sm text-slate-600">
                Direct battles between the rated models of this slice, in leaderboard order. The ratings above use every battle
                at once; these are the raw head-to-head shares, so pairs with few battles are noisy.
              </p>
              <WinFractionHeatmap models={heatmapModels} winFraction={board.pairwise.winFraction} battles={board.pairwise.battles} />
              <BattleCountHeatmap models={heatmapModels} battles={board.pairwise.battles} />
            </section>
          )}
        </>
      ) : (
        <p className="rounded border border-slate-300 bg-white p-4 text-sm" data-testid="slice-too-small">
          Not enough votes in this slice to rank models honestly: a slice is shown once at least{" "}
          {board.policy.minSliceVoters} different people have voted in it (it has {board.voters}). This also keeps
          individual voters from being singled out.
        </p>
      )}
      <DataPolicyNotice />
      <p className="text-xs text-slate-500">
        The same numbers are available as JSON from <code>/api/leaderboard</code> with the same filters.
      </p>
    </section>
  );
}
