import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AdminForbidden } from "@/components/admin/admin-access";
import { ContributorReviewForm } from "@/components/admin/contributor-review-form";
import { DataTable } from "@/components/ui/data-table";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { ANOMALY_ALPHA } from "@/lib/integrity/anomaly";
import { CONTRIBUTOR_FILTERS, listContributors } from "@/lib/queries/contributors";
import { requirePageRole } from "@/lib/session";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const filterSchema = z.object({
  q: z.string().trim().max(254).optional().catch(undefined),
  filter: z.enum(CONTRIBUTOR_FILTERS).catch("all"),
});
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** An e-value from its natural log, readably: 0.42, 12.3, 4.5e+7, 3.1e-12 (from the log, so e^800 still prints). */
function formatEValue(log: number): string {
  const log10 = log / Math.LN10;
  if (log10 > -2 && log10 < 3) return Math.exp(log).toFixed(log10 < 0 ? 2 : 1);
  const exponent = Math.floor(log10);
  const mantissa = 10 ** (log10 - exponent);
  return `${mantissa.toFixed(1)}e${exponent > 0 ? "+" : ""}${exponent}`;
}

/** Contributors, their vote counts and anomaly flags; exclude or restore a voter's votes (admins only). */
export default async function ContributorsPage({ searchParams }: PageProps) {
  if (!(await requirePageRole("/admin/contributors", "ADMIN"))) return <AdminForbidden />;
  const raw = await searchParams;
  const filter = filterSchema.parse({ q: first(raw.q), filter: first(raw.filter) });
  const [{ rows, total }, t] = await Promise.all([
    listContributors({ filter: filter.filter, q: filter.q, take: 200 }),
    getTranslations("adminContributors"),
  ]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro", { threshold: 1 / ANOMALY_ALPHA })}</p>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("filterLabel")}</span>
          <select name="filter" defaultValue={filter.filter} className={inputClass}>
            {CONTRIBUTOR_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`filters.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("search")}</span>
          <input name="q" defaultValue={filter.q ?? ""} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass}>
          {t("apply")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          testId="admin-contributors"
          head={
            <tr>
              <th className="px-3 py-2 text-start">{t("columns.email")}</th>
              <th className="px-3 py-2 text-start">{t("columns.role")}</th>
              <th className="px-3 py-2 text-end">{t("columns.votes")}</th>
              <th className="px-3 py-2 text-start">{t("columns.review")}</th>
              <th className="px-3 py-2 text-start">{t("columns.evidence")}</th>
              <th className="px-3 py-2 text-start">{t("columns.actions")}</th>
            </tr>
          }
        >
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="border-t border-slate-100 align-top" data-email={c.email} data-status={c.review?.status ?? "NONE"}>
                <td className="px-3 py-2">{c.email}</td>
                <td className="px-3 py-2">{t(`roles.${c.role}`)}</td>
                <td className="px-3 py-2 text-end tabular-nums" data-col="votes">
                  {c.voteCount}
                </td>
                <td className="px-3 py-2" data-col="status">
                  {c.review ? t(`status.${c.review.status}`) : t("status.none")}
                  {c.review?.note && <span className="block text-xs text-slate-500">{t("reviewedNote", { note: c.review.note })}</span>}
                </td>
                <td className="px-3 py-2 text-xs tabular-nums text-slate-600" data-col="evidence">
                  {c.evidence && c.evidence.votesTested > 0 ? (
                    <>
                      {t("evidence", {
                        current: formatEValue(c.evidence.logMixture),
                        highest: formatEValue(c.evidence.logMax),
                        tested: c.evidence.votesTested,
                      })}
                      {c.evidence.strongest && (
                        <span className="block">{t("strongest", { alternative: t(`alternatives.${c.evidence.strongest}`) })}</span>
                      )}
                    </>
                  ) : (
                    "–"
                  )}
                </td>
                <td className="px-3 py-2">
                  <ContributorReviewForm id={c.id} email={c.email} isExcluded={c.review?.status === "EXCLUDED"} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p className="text-xs text-slate-500">{t("shown", { shown: rows.length, total })}</p>
    </section>
  );
}
