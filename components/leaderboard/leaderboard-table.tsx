import Link from "next/link";
import type { LeaderboardRow } from "@/lib/queries/leaderboard";
import { modelHref, percent, signed } from "./format";
import { DataTable } from "@/components/ui/data-table";

/** The ranked table (server-rendered). Rows without a rating say why; each model links to its page. */
export function LeaderboardTable({ rows, minModelVotes }: { rows: LeaderboardRow[]; minModelVotes: number }) {
  return (
    <DataTable
      testId="leaderboard"
      head={
        <tr>
          <th className="px-3 py-2">Rank</th>
          <th className="px-3 py-2">Model</th>
          <th className="hidden px-3 py-2 sm:table-cell">Organization</th>
          <th className="px-3 py-2 text-right">Rating</th>
          <th className="px-3 py-2 text-right">95% CI</th>
          <th className="px-3 py-2 text-right">Votes</th>
          <th className="px-3 py-2 text-right" title="Distinct people who voted on this model">Voters</th>
          <th className="px-3 py-2 text-right" title="Share of its votes this model won outright">Win</th>
          <th className="px-3 py-2 text-right" title="Share of its votes that were ties">Tie</th>
          <th className="px-3 py-2 text-right" title="Share of its votes where both answers were judged bad">Both bad</th>
        </tr>
      }
    >
      <tbody>
        {rows.map((r) => (
          <tr key={r.modelId} className="border-t border-slate-100" data-model={r.name}>
            <td className="px-3 py-2 font-medium" data-col="rank">{r.rank ?? "–"}</td>
            <td className="min-w-40 px-3 py-2" data-col="model">
              <Link href={modelHref(r.name)} className="text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900">
                {r.displayName}
              </Link>
              {r.status === "DEPRECATED" && <span className="ml-2 text-xs text-slate-500">(deprecated)</span>}
              {/* On a phone the organization sits under the name, so the rating stays on screen. */}
              <span className="block text-xs text-slate-500 sm:hidden">{r.organization}</span>
            </td>
            <td className="hidden px-3 py-2 text-slate-600 sm:table-cell">{r.organization}</td>
            {r.rating === null ? (
              <td colSpan={2} className="px-3 py-2 text-right text-slate-500" title={`Fewer than ${minModelVotes} votes in this slice`}>
                not enough votes
              </td>
            ) : (
              <>
                <td className="px-3 py-2 text-right tabular-nums" data-col="rating">{r.rating.toFixed(0)}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-600">
                  {signed(r.upper! - r.rating)} / {signed(r.lower! - r.rating)}
                </td>
              </>
            )}
            <td className="px-3 py-2 text-right tabular-nums" data-col="votes">{r.votes}</td>
            <td className="px-3 py-2 text-right tabular-nums" data-col="voters">{r.voters}</td>
            <td className="px-3 py-2 text-right tabular-nums" data-col="win-rate">{percent(r.winRate)}</td>
            <td className="px-3 py-2 text-right tabular-nums" data-col="tie-rate">{percent(r.tieRate)}</td>
            <td className="px-3 py-2 text-right tabular-nums" data-col="both-bad-rate">{percent(r.bothBadRate)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
