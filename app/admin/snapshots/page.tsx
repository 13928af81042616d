import { AdminForbidden, formatUtc, getPageAdmin } from "@/components/admin/admin-access";
import { PublishSnapshotButton } from "@/components/admin/publish-snapshot-button";
import { listSnapshots } from "@/lib/queries/snapshots";
import { DataTable } from "@/components/ui/data-table";

export default async function SnapshotsPage() {
  if (!(await getPageAdmin("/admin/snapshots"))) return <AdminForbidden />;
  const snapshots = await listSnapshots({ take: 100 });
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">Published snapshots</h1>
        <p className="mt-1 text-sm text-slate-600">
          A snapshot freezes the leaderboard of all voters, each region and each language, with the method and code version
          that produced it. Snapshots are never edited or deleted. Customers read them from <code>/api/snapshots</code>.
        </p>
      </header>
      <PublishSnapshotButton />
      {snapshots.length === 0 ? (
        <p className="text-sm text-slate-600">No snapshots yet.</p>
      ) : (
        <DataTable
          testId="snapshots"
          head={
            <tr>
              <th className="px-3 py-2">Published</th>
              <th className="px-3 py-2">Trigger</th>
              <th className="px-3 py-2">Data up to</th>
              <th className="px-3 py-2">Method</th>
              <th className="px-3 py-2">Code</th>
              <th className="px-3 py-2 text-right">Slices</th>
            </tr>
          }
        >
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.id} className="border-t border-slate-100" data-snapshot={s.id}>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  <a href={`/api/snapshots/${s.id}`} className="underline" title={s.id}>{formatUtc(s.createdAt)}</a>
                </td>
                <td className="px-3 py-2">{s.trigger}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatUtc(s.dataCutoff)}</td>
                <td className="px-3 py-2 text-slate-600">
                  {s.method.bootstrapRounds} rounds, seed {s.method.bootstrapSeed}; ≥{s.method.minSliceVoters} voters, ≥{s.method.minModelVotes} votes
                  {s.method.demoVotes > 0 && `; ${s.method.demoVotes} demo votes`}
                </td>
                <td className="px-3 py-2"><code>{s.codeVersion}</code></td>
                <td className="px-3 py-2 text-right tabular-nums" title={s.sliceKeys.join(", ")}>{s.sliceKeys.length}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
