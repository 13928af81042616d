import { getTranslations } from "next-intl/server";
import { formatUtc } from "@/components/admin/admin-access";
import { DataForbidden } from "@/components/governance/data-forbidden";
import { holdoutCutoff } from "@/lib/policy";
import { getPolicy } from "@/lib/queries/policy";
import { requirePageRole } from "@/lib/session";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("governance.data");
  return { title: t("metaTitle") };
}

/** For customers and admins: links to the vote exports and the snapshot API (each checks the role again). */
export default async function DataPage() {
  const user = await requirePageRole("/data", "CUSTOMER", "ADMIN");
  if (!user) return <DataForbidden />;
  const [policy, t] = await Promise.all([getPolicy(), getTranslations("governance.data")]);
  return (
    <article className="max-w-3xl space-y-5">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("exportsTitle")}</h2>
        <p className="text-sm" data-testid="holdout">{t("holdout", { days: policy.holdoutDays, cutoff: formatUtc(holdoutCutoff(policy, new Date())) })}</p>
        <p className="flex flex-wrap gap-4 text-sm">
          <a href="/api/export?format=csv" download className="underline">{t("csv")}</a>
          <a href="/api/export?format=jsonl" download className="underline">{t("jsonl")}</a>
        </p>
        <p className="text-xs text-slate-500">{t("exportsNote")}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("snapshotsTitle")}</h2>
        <ul className="space-y-1 text-sm">
          <li>{t("snapshotsList", { url: "GET /api/snapshots" })}</li>
          <li>{t("snapshotsOne", { url: "GET /api/snapshots/<id>" })}</li>
        </ul>
        <p className="text-xs text-slate-500">{t("snapshotsNote")}</p>
      </section>
    </article>
  );
}
