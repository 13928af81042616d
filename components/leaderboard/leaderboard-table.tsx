import { IntentLink } from "@/components/ui/intent-link";
import { useTranslations } from "next-intl";
import type { LeaderboardRow } from "@/lib/leaderboard/build";
import { modelHref, percent, rankRange, signed } from "./format";
import { ScrollTable } from "./scroll-table";

const CELL = "px-3 py-2 text-end tabular-nums";

/**
 * The ranked table (server or client component). The model column comes first and stays in place while the
 * numbers scroll on a phone; the rank column shows the range of ranks the 95% intervals allow; rows without a
 * rating say why (too few votes, or a record the votes cannot turn into a rating); each model links to its page.
 */
export function LeaderboardTable({ rows, minModelVotes }: { rows: LeaderboardRow[]; minModelVotes: number }) {
  const t = useTranslations("leaderboard.table");
  const label = useTranslations("leaderboard")("tableLabel");
  return (
    <ScrollTable
      label={label}
      testId="leaderboard"
      head={
        <tr>
          <th className="px-3 py-2 text-start">{t("model")}</th>
          <th className="px-3 py-2 text-start">{t("rank")}</th>
          <th className="px-3 py-2 text-end">{t("rating")}</th>
          <th className="px-3 py-2 text-end">{t("interval")}</th>
          <th className="px-3 py-2 text-end">{t("votes")}</th>
          <th className="px-3 py-2 text-end" title={t("votersHint")}>
            {t("voters")}
          </th>
          <th className="px-3 py-2 text-end" title={t("winHint")}>
            {t("win")}
          </th>
          <th className="px-3 py-2 text-end" title={t("tieHint")}>
            {t("tie")}
          </th>
          <th className="px-3 py-2 text-end" title={t("bothBadHint")}>
            {t("bothBad")}
          </th>
        </tr>
      }
    >
      <tbody>
        {rows.map((r) => (
          <tr key={r.modelId} className="border-t border-slate-100" data-model={r.name} data-status={r.status}>
            <th scope="row" className="min-w-36 max-w-48 px-3 py-2 text-start font-normal sm:max-w-none" data-col="model">
              <IntentLink
                href={modelHref(r.name)}
                className="text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900"
              >
                {r.displayName}
              </IntentLink>
              {r.status === "DEPRECATED" && (
                <span className="ms-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600" data-testid="deprecated-badge">
                  {t("deprecated")}
                </span>
              )}
              <span className="block text-xs text-slate-600">{r.organization}</span>
            </th>
            <td
              className="whitespace-nowrap px-3 py-2 font-medium"
              data-col="rank"
              dir="ltr"
              title={r.rank === null ? undefined : t("rankHint", { best: r.rank, worst: r.rankWorst ?? r.rank })}
            >
              {rankRange(r.rank, r.rankWorst)}
            </td>
            {r.rating === null ? (
              <td
                colSpan={2}
                className="px-3 py-2 text-end text-slate-600"
                data-col="unrated"
                data-reason={r.unrated ?? undefined}
                title={t("unratedHint", { reason: r.unrated ?? "few-votes", min: minModelVotes })}
              >
                {t("unrated", { reason: r.unrated ?? "few-votes" })}
              </td>
            ) : (
              <>
                <td className={CELL} data-col="rating">
                  {r.rating.toFixed(0)}
                </td>
                <td className={`${CELL} whitespace-nowrap text-slate-600`} data-col="interval" dir="ltr">
                  {signed(r.upper! - r.rating)} / {signed(r.lower! - r.rating)}
                </td>
              </>
            )}
            <td className={CELL} data-col="votes">
              {r.votes}
            </td>
            <td className={CELL} data-col="voters">
              {r.voters}
            </td>
            <td className={CELL} data-col="win-rate">
              {percent(r.winRate)}
            </td>
            <td className={CELL} data-col="tie-rate">
              {percent(r.tieRate)}
            </td>
            <td className={CELL} data-col="both-bad-rate">
              {percent(r.bothBadRate)}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
