import type { LeaderboardRow } from "@/lib/queries/leaderboard";

function signed(n: number): string {
  return `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(0)}`;
}

/** The ranked table (server-rendered). Rows without a rating say why. */
export function LeaderboardTable({ rows, minModelVotes }: { rows: LeaderboardRow[]; minModelVotes: number }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="leaderboard">
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th className="px-3 py-2">Rank</th>
            <th className="px-3 py-2">Model</th>
            <th className="px-3 py-2">Organization</th>
            <th className="px-3 py-2 text-right">Rating</th>
            <th className="px-3 py-2 text-right">95% CI</th>
            <th className="px-3 py-2 text-right">Votes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.modelId} className="border-t border-slate-100" data-model={r.name}>
              <td className="px-3 py-2 font-medium" data-col="rank">{r.rank ?? "–"}</td>
              <td className="px-3 py-2">
                {r.displayName}
                {r.status === "DEPRECATED" && <span className="ml-2 text-xs text-slate-500">(deprecated)</span>}
              </td>
              <td className="px-3 py-2 text-slate-600">{r.organization}</td>
              {r.rating === null ? (
                <td colSpan={2} className="px-3 py-2 text-right text-slate-500" title={`Fewer than ${minModelVotes} votes in this slice`}>
                  not enough votes
                </td>
              ) : (
                <>
                  <td className="px-3 py-2 text-right tabular-nums" data-col="rating">{r.rating.toFixed(0)}</td>
                  <td className="px-3 py-2 text-right tabular-nums text-slate-600">
                    {signed(r.upper! - r.rating)} / {signed(r.lower! - r.rating)}
                  </td>
                </>
              )}
              <td className="px-3 py-2 text-right tabular-nums" data-col="votes">{r.votes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
