import { getTranslations } from "next-intl/server";
import { AdminForbidden, formatUtc } from "@/components/admin/admin-access";
import { PublishSnapshotButton } from "@/components/admin/publish-snapshot-button";
import { listSnapshots } from "@/lib/queries/snapshots";
import { DataTable } from "@/components/ui/data-table";
import { requirePageRole } from "@/lib/session";

export default async function SnapshotsPage() {
  if (!(await requirePageRole("/admin/snapshots", "ADMIN"))) return <AdminForbidden />;
  const [snapshots, t] = await Promise.all([listSnapshots({ take: 100 }), getTranslations("adminSnapshots")]);
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      </header>
      <PublishSnapshotButton />
      {snapshots.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          testId="snapshots"
          head={
            <tr>
              <th className="px-3 py-2">{t("columns.published")}</th>
              <th className="px-3 py-2">{t("columns.trigger")}</th>
              <th className="px-3 py-2">{t("columns.dataUpTo")}</th>
              <th className="px-3 py-2">{t("columns.method")}</th>
              <th className="px-3 py-2">{t("columns.code")}</th>
              <th className="px-3 py-2 text-end">{t("columns.slices")}</th>
            </tr>
          }
        >
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.id} className="border-t border-slate-100" data-snapshot={s.id}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  <a href={`/api/snapshots/${s.id}`} className="underline" title={s.id}>
                    {formatUtc(s.createdAt)}
                  </a>
                </td>
                <td className="px-3 py-2">{s.trigger}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtc(s.dataCutoff)}</td>
                <td className="px-3 py-2 text-slate-600">
                  {t(s.method.demoVotes > 0 ? "methodWithDemo" : "method", {
                    rounds: s.method.bootstrapRounds,
                    seed: String(s.method.bootstrapSeed),
                    minVoters: s.method.minSliceVoters,
                    minVotes: s.method.minModelVotes,
                    demo: s.method.demoVotes,
                  })}
                </td>
                <td className="px-3 py-2">
                  <code>{s.codeVersion}</code>
                </td>
                <td className="px-3 py-2 text-end tabular-nums" title={s.sliceKeys.join(", ")}>
                  {s.sliceKeys.length}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
