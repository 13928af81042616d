import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatUtc } from "@/components/admin/admin-access";
import { DataForbidden } from "@/components/governance/data-forbidden";
import { ApiTokensPanel } from "@/components/tokens/api-tokens-panel";
import { holdoutCutoff } from "@/lib/policy";
import { getExportRelease } from "@/lib/queries/exports";
import { getPolicy } from "@/lib/queries/policy";
import { listSnapshots } from "@/lib/queries/snapshots";
import { requirePageRole } from "@/lib/session";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("governance.data");
  return { title: t("metaTitle") };
}

/** An API path as a real link, in code type (left to right in every locale). */
function apiLink(href: string) {
  function ApiLink(chunks: ReactNode) {
    return (
      <a href={href} className="font-mono text-xs underline" dir="ltr">
        {chunks}
      </a>
    );
  }
  return ApiLink;
}

/**
 * For customers and admins: the vote exports (with when the first votes are released, while none
 * are), the snapshot API as links, and personal API tokens for scripts (each route checks the role again).
 */
export default async function DataPage() {
  const user = await requirePageRole("/data", "CUSTOMER", "ADMIN");
  if (!user) return <DataForbidden />;
  const [policy, release, [newest], t] = await Promise.all([getPolicy(), getExportRelease(), listSnapshots({ take: 1 }), getTranslations("governance.data")]);
  return (
    <article className="max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("exportsTitle")}</h2>
        <p className="text-sm" data-testid="holdout">
          {t("holdout", { days: policy.holdoutDays, cutoff: formatUtc(holdoutCutoff(policy, new Date())) })}
        </p>
        {release.status !== "released" && (
          <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="export-release" role="note">
            {release.status === "pending" ? t("releasePending", { date: formatUtc(release.releaseAt), days: policy.holdoutDays }) : t("releaseNone", { days: policy.holdoutDays })}
          </p>
        )}
        <p className="flex flex-wrap gap-4 text-sm">
          <a href="/api/export?format=csv" download className="underline">
            {t("csv")}
          </a>
          <a href="/api/export?format=jsonl" download className="underline">
            {t("jsonl")}
          </a>
        </p>
        <p className="text-xs text-slate-600">{t("exportsNote")}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("snapshotsTitle")}</h2>
        <ul className="space-y-1 text-sm">
          <li>{t.rich("snapshotsList", { url: "GET /api/snapshots", link: apiLink("/api/snapshots") })}</li>
          <li>
            {newest
              ? t.rich("snapshotsOne", { url: `GET /api/snapshots/${newest.id}`, link: apiLink(`/api/snapshots/${encodeURIComponent(newest.id)}`) })
              : t("snapshotsNone")}
          </li>
          <li>{t.rich("openapi", { url: "GET /api/openapi.json", link: apiLink("/api/openapi.json") })}</li>
        </ul>
        <p className="text-xs text-slate-600">{t("snapshotsNote")}</p>
      </section>
      <ApiTokensPanel />
    </article>
  );
}
