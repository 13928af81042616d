import { AdminForbidden, formatUtc, getPageAdmin } from "@/components/admin/admin-access";
import { PolicyForm } from "@/components/admin/policy-form";
import { holdoutCutoff } from "@/lib/policy";
import { getPolicy } from "@/lib/queries/policy";

export default async function PolicyPage() {
  if (!(await getPageAdmin("/admin/policy"))) return <AdminForbidden />;
  const policy = await getPolicy();
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">Data policy</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="policy-summary">
          Exports currently cover votes cast before {formatUtc(holdoutCutoff(policy, new Date()))} (holdout {policy.holdoutDays} days).
          Thresholds and bootstrap settings apply to the live leaderboard and to the next snapshot; published snapshots keep theirs.
        </p>
      </header>
      <PolicyForm initial={policy} />
    </section>
  );
}
