import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AudienceGroup, AudienceRating } from "@/lib/leaderboard/model-profile";
import type { SliceLabels } from "@/lib/slice-labels";
import { getSliceLabels } from "@/lib/slice-labels-server";
import { rankRange, signed } from "./format";
import { TestedDifferenceCell, testHintValues } from "./tested-difference";

type Translate = Awaited<ReturnType<typeof getTranslations<"leaderboard.audiences">>>;

/** A bar from the centre line, towards the end for a positive difference and the start for a negative one. */
function DifferenceBar({ difference, scale }: { difference: number; scale: number }) {
  const width = `${Math.min(50, (Math.abs(difference) / scale) * 50)}%`;
  return (
    <span className="relative block h-2.5 w-full min-w-24 rounded-sm bg-slate-100" aria-hidden="true">
      <span className="absolute inset-y-0 start-1/2 w-px bg-slate-400" />
      <span
        className={`absolute inset-y-0 rounded-sm ${difference >= 0 ? "bg-emerald-500" : "bg-rose-500"}`}
        style={difference >= 0 ? { insetInlineStart: "50%", width } : { insetInlineEnd: "50%", width }}
      />
    </span>
  );
}

function RatedRow({ r, label, scale, t }: { r: AudienceRating; label: string; scale: number; t: Translate }) {
  return (
    <tr className="border-t border-slate-100" data-audience={`${r.key}:${r.value}`}>
      <th scope="row" className="px-3 py-1.5 text-start font-normal">
        {label}
      </th>
      <td className="px-2 py-1.5 text-end tabular-nums" data-col="rating">
        {r.rating!.toFixed(0)}
        <span className="block whitespace-nowrap text-xs text-slate-500" title={t("intervalHint")} dir="ltr">
          {r.lower!.toFixed(0)}–{r.upper!.toFixed(0)}
        </span>
      </td>
      <TestedDifferenceCell
        difference={r.difference}
        test={r.test}
        hint={r.test ? t("testHint", testHintValues(r.test)) : undefined}
        significantLabel={t("significantSr")}
        tones={{ up: "text-emerald-700", down: "text-rose-700" }}
        className="px-2 py-1.5"
      />
      <td className="hidden px-3 py-1.5 sm:table-cell">
        <DifferenceBar difference={r.difference!} scale={scale} />
      </td>
      <td className="whitespace-nowrap px-2 py-1.5 text-end tabular-nums">
        {t.rich("rankOf", {
          rank: rankRange(r.rank, r.rankWorst),
          total: r.ratedModels,
          // "of 14" under the rank range on phones, where "5–10 of 14" would not fit the column
          muted: (chunks: ReactNode) => <span className="block text-xs text-slate-500 sm:inline sm:text-sm">{chunks}</span>,
        })}
      </td>
      <td className="hidden px-3 py-1.5 text-end tabular-nums sm:table-cell">{r.modelVotes}</td>
    </tr>
  );
}

/**
 * "Rated highest by …, lowest by …": only audiences whose difference from the overall rating passes the test (false
 * discoveries controlled across this model's audiences), so a small country's noise is never the headline. Says
 * so plainly when no audience differs.
 */
function Extremes({ groups, labelOf, t }: { groups: AudienceGroup[]; labelOf: (r: AudienceRating) => string; t: Translate }) {
  const all = groups.flatMap((g) => g.rated);
  if (all.length < 2) return null;
  const significant = all.filter((r) => r.test?.significant);
  const higher = significant.filter((r) => r.difference! > 0).sort((x, y) => y.difference! - x.difference!);
  const lower = significant.filter((r) => r.difference! < 0).sort((x, y) => x.difference! - y.difference!);
  const best = higher[0];
  const worst = lower[0];
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const bestValues = best && { best: labelOf(best), bestGroup: t(`attributeInline.${best.key}`), bestDifference: signed(best.difference!) };
  const worstValues = worst && {
    worst: labelOf(worst),
    worstGroup: t(`attributeInline.${worst.key}`),
    worstDifference: signed(worst.difference!),
  };
  return (
    <p className="text-sm" data-testid="audience-extremes">
      {bestValues && worstValues
        ? t.rich("extremes", { ...bestValues, ...worstValues, strong })
        : bestValues
          ? t.rich("extremesHigh", { ...bestValues, strong })
          : worstValues
            ? t.rich("extremesLow", { ...worstValues, strong })
            : t("extremesNone")}
    </p>
  );
}

/**
 * The model's rating in each audience, most favourable first, with the audiences that cannot rate it
 * listed as such (async server component; audience names in the interface language).
 */
export async function ModelAudiences({
  groups,
  minSliceVoters,
  minModelVotes,
}: {
  groups: AudienceGroup[];
  minSliceVoters: number;
  minModelVotes: number;
}) {
  const [t, format, slices] = await Promise.all([getTranslations("leaderboard.audiences"), getFormatter(), getSliceLabels()]);
  const labels: SliceLabels = slices.labels;
  const labelOf = (r: AudienceRating) => labels[r.key](r.value);
  const scale = Math.max(25, ...groups.flatMap((g) => g.rated.map((r) => Math.abs(r.difference!))));
  return (
    <div className="space-y-4">
      <Extremes groups={groups} labelOf={labelOf} t={t} />
      {groups.map((g) => (
        <div key={g.key} className="rounded border border-slate-200 bg-white" data-testid={`audience-${g.key}`}>
          <h3 className="border-b border-slate-100 px-3 py-2 font-semibold">{t(`attribute.${g.key}`)}</h3>
          {g.rated.length > 0 && (
            <div className="overflow-x-auto">
              {/* Fixed column widths, so the tables of all attributes line up. */}
              <table className="w-full table-fixed text-sm">
                <thead className="text-start text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th className="px-3 py-1.5 text-start">{t("audience")}</th>
                    <th className="w-18 px-2 py-1.5 text-end sm:w-24">{t("rating")}</th>
                    <th className="w-14 px-2 py-1.5 text-end sm:w-24" title={t("vsOverallHint")}>
                      {t("vsOverall")}
                    </th>
                    <th className="hidden w-1/4 px-3 py-1.5 sm:table-cell" aria-hidden="true" />
                    <th className="w-20 px-2 py-1.5 text-end sm:w-24">{t("rank")}</th>
                    <th className="hidden w-20 px-3 py-1.5 text-end sm:table-cell" title={t("votesHint")}>
                      {t("votes")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {g.rated.map((r) => (
                    <RatedRow key={r.value} r={r} label={labelOf(r)} scale={scale} t={t} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="space-y-1 px-3 py-2 text-xs text-slate-600">
            {g.rated.length === 0 && <p>{t("notRated", { key: g.key })}</p>}
            {g.unrated.length > 0 && (
              <p data-testid="audience-unrated">
                {t("unrated", {
                  min: minModelVotes,
                  list: format.list(
                    g.unrated.map((r) => t("unratedItem", { label: labelOf(r), votes: r.modelVotes })),
                    { type: "unit" },
                  ),
                })}
              </p>
            )}
            {g.omitted > 0 && <p>{t("omitted", { key: g.key, count: g.omitted, minVoters: minSliceVoters, minVotes: minModelVotes })}</p>}
          </div>
        </div>
      ))}
    </div>
  );
}
