import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatUtc } from "@/components/admin/admin-access";
import { DeprecationRule } from "@/components/governance/deprecation-rule";
import { DataTable } from "@/components/ui/data-table";
import { listRosterEvents, ROSTER_EVENT_KINDS } from "@/lib/queries/roster-events";
import { isDeprecationClause } from "@/lib/roster/deprecation-rule";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("governance.changelog");
  return { title: t("metaTitle") };
}

/** Public roster changelog: every roster event, newest first, and the deprecation rule. */
export default async function ChangelogPage() {
  const [events, t, rule] = await Promise.all([
    listRosterEvents({ take: 500 }),
    getTranslations("governance.changelog"),
    getTranslations("governance.rule"),
  ]);
  const kindLabel = (kind: string) => ((ROSTER_EVENT_KINDS as readonly string[]).includes(kind) ? t(`kinds.${kind as "added"}`) : kind);
  return (
    <article className="space-y-5">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </header>
      <DeprecationRule />
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          testId="roster-events"
          head={
            <tr>
              <th className="px-3 py-2 text-start">{t("columns.when")}</th>
              <th className="px-3 py-2 text-start">{t("columns.model")}</th>
              <th className="px-3 py-2 text-start">{t("columns.event")}</th>
              <th className="px-3 py-2 text-start">{t("columns.details")}</th>
            </tr>
          }
        >
          <tbody>
            {events.map((e) => {
              const clause = e.details?.clause;
              const reportId = typeof e.details?.testedVariantsReport === "string" ? e.details.testedVariantsReport : null;
              const fields = Array.isArray(e.details?.fields) ? (e.details.fields as string[]) : null;
              return (
                <tr key={e.id} className="border-t border-slate-100 align-top" data-kind={e.kind} data-model={e.model.name}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtc(e.createdAt)}</td>
                  <td className="px-3 py-2">
                    <span className="font-medium">{e.model.displayName}</span>
                    <div className="text-xs text-slate-500">
                      {e.model.organization} · {e.model.licenseKind === "OPEN_WEIGHTS" ? t("openWeights") : t("proprietary")}
                    </div>
                  </td>
                  <td className="px-3 py-2">{kindLabel(e.kind)}</td>
                  <td className="px-3 py-2 text-slate-700">
                    {e.kind === "added" && (e.details?.visibility === "PRIVATE_TESTING" ? t("addedPrivate") : t("addedPublic"))}
                    {fields && t("editedFields", { fields: fields.join(", ") })}
                    {isDeprecationClause(clause) && <div>{t("clause", { clause: rule(`clauseNames.${clause}`) })}</div>}
                    {e.reason && <div>{e.reason}</div>}
                    {reportId && (
                      <div>
                        <Link href={`/tested-variants#report-${reportId}`} className="underline">
                          {t("reportLink")}
                        </Link>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </article>
  );
}
