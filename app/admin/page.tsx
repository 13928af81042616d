import Link from "next/link";
import { AdminForbidden, formatUtc, getPageAdmin } from "@/components/admin/admin-access";
import { holdoutCutoff } from "@/lib/policy";
import { getPolicy } from "@/lib/queries/policy";
import { listSnapshots } from "@/lib/queries/snapshots";

export default async function AdminPage() {
  if (!(await getPageAdmin("/admin"))) return <AdminForbidden />;
  const [policy, [latest]] = await Promise.all([getPolicy(), listSnapshots({ take: 1 })]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Administration</h1>
      <ul className="space-y-3 text-sm">
        <li>
          <Link href="/admin/policy" className="font-medium underline">Data policy</Link>: votes from the last {policy.holdoutDays} days are
          held out of exports (released data ends {formatUtc(holdoutCutoff(policy, new Date()))}); slices need {policy.minSliceVoters} voters,
          models {policy.minModelVotes} votes; {policy.bootstrapRounds} bootstrap rounds, seed {policy.bootstrapSeed}.
        </li>
        <li>
          <Link href="/admin/snapshots" className="font-medium underline">Snapshots</Link>:{" "}
          {latest ? `latest published ${formatUtc(latest.createdAt)} (${latest.trigger}).` : "none published yet."} Publish one now from there.
        </li>
        <li>
          <span className="font-medium">Released votes</span>: download{" "}
          <a href="/api/export?format=csv" download className="underline">CSV</a> or{" "}
          <a href="/api/export?format=jsonl" download className="underline">JSON lines</a> (clean_battle shape with demographics;
          customers use the same <code>/api/export</code>, and <code>npm run arena -- export</code> writes the same file).
        </li>
        <li>
          <Link href="/admin/audit" className="font-medium underline">Audit log</Link>: every policy change, snapshot, export download and role change.
        </li>
      </ul>
    </section>
  );
}
