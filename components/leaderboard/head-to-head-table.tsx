import Link from "next/link";
import type { HeadToHead } from "@/lib/queries/model-profile";
import { modelHref, percent } from "./format";
import { DataTable } from "@/components/ui/data-table";

/** The model's overall record against every other model (server-rendered). */
export function HeadToHeadTable({ records }: { records: HeadToHead[] }) {
  return (
    <DataTable
      testId="head-to-head"
      head={
        <tr>
          <th className="px-3 py-2">Against</th>
          <th className="px-3 py-2 text-right">Battles</th>
          <th className="px-3 py-2 text-right">Wins</th>
          <th className="px-3 py-2 text-right">Losses</th>
          <th className="px-3 py-2 text-right">Ties</th>
          <th className="px-3 py-2 text-right">Both bad</th>
          <th className="px-3 py-2 text-right" title="Wins plus half of ties and both-bad, over battles">Win fraction</th>
        </tr>
      }
    >
      <tbody>
        {records.map((r) => (
          <tr key={r.opponentId} className="border-t border-slate-100" data-model={r.name}>
            <th scope="row" className="px-3 py-2 text-left font-normal">
              <Link href={modelHref(r.name)} className="underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900">
                {r.displayName}
              </Link>
            </th>
            {r.battles === 0 ? (
              <td colSpan={6} className="px-3 py-2 text-right text-slate-500">
                never met
              </td>
            ) : (
              <>
                <td className="px-3 py-2 text-right tabular-nums" data-col="battles">{r.battles}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-col="wins">{r.wins}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-col="losses">{r.losses}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-col="ties">{r.ties}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-col="both-bad">{r.bothBad}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-col="win-fraction">
                  <span className="inline-flex items-center gap-2">
                    <span className="relative hidden h-2 w-16 rounded-sm bg-rose-200 sm:inline-block" aria-hidden="true">
                      <span className="absolute inset-y-0 left-0 rounded-sm bg-emerald-500" style={{ width: percent(r.winFraction ?? 0) }} />
                    </span>
                    {percent(r.winFraction ?? 0)}
                  </span>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
