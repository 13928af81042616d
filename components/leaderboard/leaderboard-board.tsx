import { IntentLink } from "@/components/ui/intent-link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { BattleCountHeatmap, RatingIntervalChart, WinFractionHeatmap } from "@/components/charts/lazy";
import { DemoNotice } from "@/components/demo/demo-notice";
import { isAllVoters, type LeaderboardFilters } from "@/lib/filters";
import type { Leaderboard } from "@/lib/leaderboard/build";
import type { LeaderboardView } from "@/lib/leaderboard/view";
import { DeprecatedToggle } from "./deprecated-toggle";
import { ExcludedVotesNotice } from "./excluded-votes-notice";
import { modelHref } from "./format";
import { LeaderboardTable } from "./leaderboard-table";
import { ReplayVotesNotice } from "./replay-votes-notice";
import { StyleCoefficients } from "./style-coefficients";
import { StyleToggle } from "./style-toggle";

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/**
 * One slice's board (server or client component): a lead in plain words (how many votes by how many people, and
 * a link to how ratings are computed; a thin slice only says it has fewer voters than the minimum), the interval
 * kind, notices, toggles, the table, the interval chart, style coefficients and the head-to-head heatmaps. The table comes
 * first (as on LMArena): it is what readers come for, and the charts below it load only when scrolled near.
 */
export function LeaderboardBoard({
  board,
  filters,
  view,
  sliceName,
  isAdmin,
}: {
  board: Leaderboard;
  filters: LeaderboardFilters;
  view: LeaderboardView;
  sliceName: string;
  /** Admins are told how to remove demo votes. */
  isAdmin: boolean;
}) {
  const t = useTranslations("leaderboard");
  const rated = board.rows.filter((r) => r.rating !== null);
  const byId = new Map(board.rows.map((r) => [r.modelId, r]));
  const heatmapModels = board.pairwise.modelIds.map((id) => ({
    displayName: byId.get(id)!.displayName,
    href: modelHref(byId.get(id)!.name),
  }));
  const method = (chunks: ReactNode) => (
    <IntentLink href="/methodology#ratings" className="underline underline-offset-2">
      {chunks}
    </IntentLink>
  );
  return (
    <>
      <div className="space-y-1">
        <p className="text-base" data-testid="slice-summary">
          {board.votes === null || board.voters === null
            ? // under the voter minimum: no exact counts (see lib/leaderboard/thin-slice)
              t.rich("leadThin", { name: sliceName, min: board.policy.minSliceVoters, slice: strong, link: method })
            : t.rich(isAllVoters(filters) ? "leadAll" : "leadSlice", {
                name: sliceName,
                votes: board.votes,
                voters: board.voters,
                slice: strong,
                link: method,
                votesNumber: (chunks: ReactNode) => <span data-testid="slice-votes">{chunks}</span>,
                votersNumber: (chunks: ReactNode) => <span data-testid="slice-voters">{chunks}</span>,
              })}
        </p>
        {board.isShown && (
          <p className="text-sm text-slate-600" data-testid="method">
            {t.rich("intervalNote", {
              // ICU select keys cannot hold a hyphen
              interval: board.method.interval.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
              style: board.method.style,
              link: (chunks: ReactNode) => (
                <IntentLink href="/methodology#intervals" className="underline underline-offset-2">
                  {chunks}
                </IntentLink>
              ),
            })}
          </p>
        )}
      </div>
      {board.replayVotes !== null && board.replayVotes > 0 && <ReplayVotesNotice count={board.replayVotes} />}
      <ExcludedVotesNotice excluded={board.excludedVotes} />
      {board.demoVotes !== null && board.demoVotes > 0 && <DemoNotice count={board.demoVotes} isAdmin={isAdmin} />}
      <DeprecatedToggle filters={filters} view={view} hidden={board.hiddenDeprecated} />
      <StyleToggle filters={filters} view={view} />
      {board.isShown ? (
        <>
          <LeaderboardTable rows={board.rows} minModelVotes={board.policy.minModelVotes} />
          {rated.length > 1 && (
            <RatingIntervalChart
              points={rated.map((r) => ({ model: r.displayName, rating: r.rating!, lower: r.lower!, upper: r.upper! }))}
            />
          )}
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
    </>
  );
}
