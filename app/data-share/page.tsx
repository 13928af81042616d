import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataShareChart } from "@/components/charts/data-share-chart";
import { DataTable } from "@/components/ui/data-table";
import { getDataShare, type SharePeriod } from "@/lib/queries/data-share";

export const dynamic = "force-dynamic";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata() {
  const t = await getTranslations("governance.dataShare");
  return { title: t("metaTitle") };
}

/** Public page: each provider's share of battles and of prompts over time. */
export default async function DataSharePage({ searchParams }: PageProps) {
  const raw = (await searchParams).period;
  const period: SharePeriod = raw === "week" ? "week" : "month";
  const [share, t, format] = await Promise.all([getDataShare(period), getTranslations("governance.dataShare"), getFormatter()]);
  const pct = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 1 });
  return (
    <article className="space-y-5">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </header>
      <nav aria-label={t("period")} className="flex gap-2 text-sm">
        {(["month", "week"] as const).map((p) => (
          <Link
            key={p}
            href={p === "month" ? "/data-share" : "/data-share?period=week"}
            aria-current={period === p ? "page" : undefined}
            className={period === p ? "rounded bg-slate-900 px-2 py-1 text-white" : "rounded px-2 py-1 hover:underline"}
          >
            {t(`periods.${p}`)}
          </Link>
        ))}
      </nav>
      {share.periods.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t("battlesTitle")}</h2>
            <DataShareChart
              metric="battles"
              periods={share.periods}
              series={share.organizations.map((o) => ({ organization: o.organization, shares: o.battleShare }))}
            />
          </section>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t("promptsTitle")}</h2>
            <DataShareChart
              metric="prompts"
              periods={share.periods}
              series={share.organizations.map((o) => ({ organization: o.organization, shares: o.promptShare }))}
            />
            <p className="text-xs text-slate-500">{t("promptsNote")}</p>
          </section>
          <DataTable
            testId="data-share"
            head={
              <tr>
                <th className="px-3 py-2 text-start">{t("columns.provider")}</th>
                <th className="px-3 py-2 text-end">{t("columns.battles")}</th>
                <th className="px-3 py-2 text-end">{t("columns.battleShare")}</th>
                <th className="px-3 py-2 text-end">{t("columns.prompts")}</th>
                <th className="px-3 py-2 text-end">{t("columns.promptShare")}</th>
              </tr>
            }
          >
            <tbody>
              {share.organizations.map((o) => (
                <tr key={o.organization} className="border-t border-slate-100" data-organization={o.organization}>
                  <td className="px-3 py-2 font-medium">{o.organization}</td>
                  <td className="px-3 py-2 text-end tabular-nums">{format.number(o.totalBattles)}</td>
                  <td className="px-3 py-2 text-end tabular-nums" data-testid="battle-share">
                    {pct(o.totalBattleShare)}
                  </td>
                  <td className="px-3 py-2 text-end tabular-nums">{format.number(o.totalPrompts)}</td>
                  <td className="px-3 py-2 text-end tabular-nums">{pct(o.totalPromptShare)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <p className="text-xs text-slate-500">{t("totals", { battles: share.totals.allBattles, prompts: share.totals.allPrompts })}</p>
        </>
      )}
    </article>
  );
}
