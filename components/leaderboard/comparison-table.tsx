import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import type { ComparisonRow, SideStanding } from "@/lib/leaderboard/compare-slices";
import { modelHref, rankRange, signed } from "./format";
import { ScrollTable } from "./scroll-table";
import { TestedDifferenceCell, testHintValues } from "./tested-difference";

/** One audience's standing of a model: rating with its rank beneath, or why there is none. */
type Translate = Awaited<ReturnType<typeof getTranslations<"leaderboard.comparisonTable">>>;

function SideCell({ side, standing, minModelVotes, t }: { side: "a" | "b"; standing: SideStanding; minModelVotes: number; t: Translate }) {
  const base = "border-s border-slate-200 px-3 py-2 text-end";
  if (standing.state === "slice_too_small") {
    return (
      <td className={`${base} text-slate-500`} data-col={`${side}-rating`} title={t("sliceTooSmall")}>
        –
      </td>
    );
  }
  if (standing.state === "not_enough_votes") {
    return (
      <td
        className={`${base} text-slate-500`}
        data-col={`${side}-rating`}
        title={t("notEnoughVotesHint", { votes: standing.votes, min: minModelVotes })}
      >
        {t("notEnoughVotes")}
      </td>
    );
  }
  return (
    <td
      className={`${base} tabular-nums`}
      data-col={`${side}-rating`}
      title={t("ratingHint", { lower: standing.lower.toFixed(0), upper: standing.upper.toFixed(0), votes: standing.votes })}
    >
      {standing.rating.toFixed(0)}
      <span className="block text-xs text-slate-500" data-col={`${side}-rank`}>
        {t("rank", { rank: rankRange(standing.rank, standing.rankWorst) })}
      </span>
    </td>
  );
}

/** Both audiences' rating and rank per model, and the difference B − A (async server component). */
export async function ComparisonTable({
  rows,
  aLabel,
  bLabel,
  minModelVotes,
}: {
  rows: ComparisonRow[];
  aLabel: string;
  bLabel: string;
  minModelVotes: number;
}) {
  const t = await getTranslations("leaderboard.comparisonTable");
  return (
    <ScrollTable
      label={t("label")}
      testId="comparison"
      headClassName="bg-slate-100 text-xs text-slate-600"
      head={
        <tr>
          <th className="px-3 py-2 text-start uppercase tracking-wide">{t("model")}</th>
          <th className="border-s border-slate-200 px-3 py-2 text-end font-semibold text-blue-700">
            {t("side", { side: "A", name: aLabel })}
            <span className="block font-normal text-slate-600">{t("ratingRank")}</span>
          </th>
          <th className="border-s border-slate-200 px-3 py-2 text-end font-semibold text-orange-700">
            {t("side", { side: "B", name: bLabel })}
            <span className="block font-normal text-slate-600">{t("ratingRank")}</span>
          </th>
          <th className="border-s border-slate-200 px-3 py-2 text-end uppercase tracking-wide">{t("difference")}</th>
        </tr>
      }
    >
      <tbody>
        {rows.map((r) => (
          <tr key={r.modelId} className="border-t border-slate-100" data-model={r.name}>
            <td className="px-3 py-2">
              <IntentLink href={modelHref(r.name)} className="underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900">
                {r.displayName}
              </IntentLink>
              <span className="block text-xs text-slate-500">{r.organization}</span>
            </td>
            <SideCell side="a" standing={r.a} minModelVotes={minModelVotes} t={t} />
            <SideCell side="b" standing={r.b} minModelVotes={minModelVotes} t={t} />
            <TestedDifferenceCell
              difference={r.test?.difference ?? null}
              test={r.test}
              hint={r.test ? t("testHint", testHintValues(r.test)) : undefined}
              significantLabel={t("significantSr")}
              tones={{ up: "text-orange-700", down: "text-blue-700", none: "text-slate-500" }}
              className="border-s border-slate-200 px-3 py-2"
            >
              {r.test && (
                <span className="block text-xs font-normal text-slate-500" dir="ltr">
                  [{signed(r.test.lower)}, {signed(r.test.upper)}]
                </span>
              )}
            </TestedDifferenceCell>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
