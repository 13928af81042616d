import { IntentLink } from "@/components/ui/intent-link";
import { getTranslations } from "next-intl/server";
import type { HeadToHead } from "@/lib/leaderboard/model-profile";
import { modelHref, percent } from "./format";
import { ScrollTable } from "./scroll-table";

/** The model's overall record against every other model (async server component). */
export async function HeadToHeadTable({ records }: { records: HeadToHead[] }) {
  const t = await getTranslations("leaderboard.headToHead");
  return (
    <ScrollTable
      label={t("label")}
      testId="head-to-head"
      head={
        <tr>
          <th className="px-3 py-2 text-start">{t("against")}</th>
          <th className="px-3 py-2 text-end">{t("battles")}</th>
          <th className="px-3 py-2 text-end">{t("wins")}</th>
          <th className="px-3 py-2 text-end">{t("losses")}</th>
          <th className="px-3 py-2 text-end">{t("ties")}</th>
          <th className="px-3 py-2 text-end">{t("bothBad")}</th>
          <th className="px-3 py-2 text-end" title={t("winFractionHint")}>
            {t("winFraction")}
          </th>
        </tr>
      }
    >
      <tbody>
        {records.map((r) => (
          <tr key={r.opponentId} className="border-t border-slate-100" data-model={r.name}>
            <th scope="row" className="px-3 py-2 text-start font-normal">
              <IntentLink href={modelHref(r.name)} className="underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900">
                {r.displayName}
              </IntentLink>
            </th>
            {r.battles === 0 ? (
              <td colSpan={6} className="px-3 py-2 text-end text-slate-500">
                {t("neverMet")}
              </td>
            ) : (
              <>
                <td className="px-3 py-2 text-end tabular-nums" data-col="battles">
                  {r.battles}
                </td>
                <td className="px-3 py-2 text-end tabular-nums" data-col="wins">
                  {r.wins}
                </td>
                <td className="px-3 py-2 text-end tabular-nums" data-col="losses">
                  {r.losses}
                </td>
                <td className="px-3 py-2 text-end tabular-nums" data-col="ties">
                  {r.ties}
                </td>
                <td className="px-3 py-2 text-end tabular-nums" data-col="both-bad">
                  {r.bothBad}
                </td>
                <td className="px-3 py-2 text-end tabular-nums" data-col="win-fraction">
                  <span className="inline-flex items-center gap-2">
                    <span className="relative hidden h-2 w-16 rounded-sm bg-rose-200 sm:inline-block" aria-hidden="true">
                      <span
                        className="absolute inset-y-0 start-0 rounded-sm bg-emerald-500"
                        style={{ width: percent(r.winFraction ?? 0) }}
                      />
                    </span>
                    {percent(r.winFraction ?? 0)}
                  </span>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
