import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminForbidden, formatUtc } from "@/components/admin/admin-access";
import { holdoutCutoff } from "@/lib/policy";
import { listModelsForAdmin } from "@/lib/queries/models";
import { getPolicy } from "@/lib/queries/policy";
import { listSnapshots } from "@/lib/queries/snapshots";
import { requirePageRole } from "@/lib/session";

export default async function AdminPage() {
  if (!(await requirePageRole("/admin", "ADMIN"))) return <AdminForbidden />;
  const [policy, [latest], models, t] = await Promise.all([
    getPolicy(),
    listSnapshots({ take: 1 }),
    listModelsForAdmin(),
    getTranslations("admin.home"),
  ]);
  const link = (href: string) =>
    function AdminLink(chunks: React.ReactNode) {
      return (
        <Link href={href} className="font-medium underline">
          {chunks}
        </Link>
      );
    };
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ul className="space-y-3 text-sm">
        <li>
          {t.rich("models", {
            link: link("/admin/models"),
            total: models.length,
            active: models.filter((m) => m.status === "ACTIVE").length,
            private: models.filter((m) => m.visibility === "PRIVATE_TESTING").length,
          })}
        </li>
        <li>
          {t.rich("policy", {
            link: link("/admin/policy"),
            holdoutDays: policy.holdoutDays,
            cutoff: formatUtc(holdoutCutoff(policy, new Date())),
            minSliceVoters: policy.minSliceVoters,
            minModelVotes: policy.minModelVotes,
            rounds: policy.bootstrapRounds,
            seed: policy.bootstrapSeed,
          })}
        </li>
        <li>
          {latest
            ? t.rich("snapshotsLatest", { link: link("/admin/snapshots"), date: formatUtc(latest.createdAt), trigger: latest.trigger })
            : t.rich("snapshotsNone", { link: link("/admin/snapshots") })}
        </li>
        <li>
          {t.rich("exports", {
            csv: (chunks) => (
              <a href="/api/export?format=csv" download className="underline">
                {chunks}
              </a>
            ),
            jsonl: (chunks) => (
              <a href="/api/export?format=jsonl" download className="underline">
                {chunks}
              </a>
            ),
            code: (chunks) => <code>{chunks}</code>,
          })}
        </li>
        <li>{t.rich("users", { link: link("/admin/users") })}</li>
        <li>{t.rich("contributors", { link: link("/admin/contributors") })}</li>
        <li>{t.rich("audit", { link: link("/admin/audit") })}</li>
      </ul>
    </section>
  );
}
