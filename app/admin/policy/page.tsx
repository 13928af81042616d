import { getTranslations } from "next-intl/server";
import { AdminForbidden, formatUtc } from "@/components/admin/admin-access";
import { PolicyForm } from "@/components/admin/policy-form";
import { holdoutCutoff } from "@/lib/policy";
import { getPolicy } from "@/lib/queries/policy";
import { requirePageRole } from "@/lib/session";

export default async function PolicyPage() {
  if (!(await requirePageRole("/admin/policy", "ADMIN"))) return <AdminForbidden />;
  const [policy, t] = await Promise.all([getPolicy(), getTranslations("adminPolicy")]);
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="policy-summary">
          {t("summary", { cutoff: formatUtc(holdoutCutoff(policy, new Date())), days: policy.holdoutDays })}
        </p>
      </header>
      <PolicyForm initial={policy} />
    </section>
  );
}
