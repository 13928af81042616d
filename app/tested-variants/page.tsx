import { getTranslations } from "next-intl/server";
import { formatUtc } from "@/components/admin/admin-access";
import { DataTable } from "@/components/ui/data-table";
import { getPrivateVariantCap, listTestedVariantsReports } from "@/lib/queries/tested-variants";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("governance.testedVariants");
  return { title: t("metaTitle") };
}

const fmt = (n: number | null) => (n === null ? "" : n.toFixed(0));

/** Public page: each provider's tested variants, published together when private testing ended. */
export default async function TestedVariantsPage() {
  const [reports, cap, t] = await Promise.all([
    listTestedVariantsReports({ take: 100 }),
    getPrivateVariantCap(),
    getTranslations("governance.testedVariants"),
  ]);
  return (
    <article className="space-y-5">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro", { cap })}</p>
      </header>
      {reports.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
      {reports.map((r) => (
        <section
          key={r.id}
          id={`report-${r.id}`}
          className="space-y-2"
          data-testid="tested-variants-report"
          data-organization={r.organization}
        >
          <h2 className="text-lg font-semibold">
            {t("report", { organization: r.organization, trigger: r.trigger, model: r.triggerModel, date: formatUtc(r.createdAt) })}
          </h2>
          <p className="text-xs text-slate-500">{t("cutoff", { date: formatUtc(r.dataCutoff) })}</p>
          <DataTable
            head={
              <tr>
                <th className="px-3 py-2 text-start">{t("columns.variant")}</th>
                <th className="px-3 py-2 text-start">{t("columns.outcome")}</th>
                <th className="px-3 py-2 text-end">{t("columns.rating")}</th>
                <th className="px-3 py-2 text-end">{t("columns.interval")}</th>
                <th className="px-3 py-2 text-end">{t("columns.votes")}</th>
              </tr>
            }
          >
            <tbody>
              {r.rows.map((v) => (
                <tr key={v.modelId} className="border-t border-slate-100" data-variant={v.name}>
                  <td className="px-3 py-2">
                    <span className="font-medium">{v.displayName}</span>
                    <div className="text-xs text-slate-500">
                      <code>{v.name}</code>
                    </div>
                  </td>
                  <td className="px-3 py-2">{t(`visibility.${v.visibility}`)}</td>
                  <td className="px-3 py-2 text-end tabular-nums">
                    {v.rating === null ? <span className="text-slate-500">{t("notRated")}</span> : fmt(v.rating)}
                  </td>
                  <td className="px-3 py-2 text-end tabular-nums">
                    {v.lower === null || v.upper === null ? "" : `${fmt(v.lower)}–${fmt(v.upper)}`}
                  </td>
                  <td className="px-3 py-2 text-end tabular-nums">{v.votes}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ))}
    </article>
  );
}
