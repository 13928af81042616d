import Link from "next/link";
import type { ComparisonRow, SideStanding } from "./compare-slices";
import { modelHref, signed } from "./format";

/** One audience's standing of a model: rating with its rank beneath, or why there is none. */
function SideCell({ side, standing, minModelVotes }: { side: "a" | "b"; standing: SideStanding; minModelVotes: number }) {
  const base = "border-l border-slate-200 px-3 py-2 text-right";
  if (standing.state === "slice_too_small") {
    return (
      <td className={`${base} text-slate-400`} data-col={`${side}-rating`} title="Not enough voters in this audience to rate anyone">
        –
      </td>
    );
  }
  if (standing.state === "not_enough_votes") {
    return (
      <td className={`${base} text-slate-500`} data-col={`${side}-rating`} title={`${standing.votes} votes here; a rating needs ${minModelVotes}`}>
        not enough votes
      </td>
    );
  }
  return (
    <td className={`${base} tabular-nums`} data-col={`${side}-rating`} title={`95% interval ${standing.lower.toFixed(0)}–${standing.upper.toFixed(0)}, ${standing.votes} votes`}>
      {standing.rating.toFixed(0)}
      <span className="block text-xs text-slate-500" data-col={`${side}-rank`}>
        rank {standing.rank}
      </span>
    </td>
  );
}

/** Both audiences' rating and rank per model, and the difference B − A (server-rendered). */
export function ComparisonTable({ rows, aLabel, bLabel, minModelVotes }: { rows: ComparisonRow[]; aLabel: string; bLabel: string; minModelVotes: number }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="comparison">
        <thead className="bg-slate-100 text-xs text-slate-600">
          <tr>
            <th className="px-3 py-2 text-left uppercase tracking-wide">Model</th>
            <th className="border-l border-slate-200 px-3 py-2 text-right font-semibold text-blue-700">
              A: {aLabel}
              <span className="block font-normal text-slate-500">rating, rank</span>
            </th>
            <th className="border-l border-slate-200 px-3 py-2 text-right font-semibold text-orange-700">
              B: {bLabel}
              <span className="block font-normal text-slate-500">rating, rank</span>
            </th>
            <th className="border-l border-slate-200 px-3 py-2 text-right uppercase tracking-wide">B − A</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.modelId} className="border-t border-slate-100" data-model={r.name}>
              <td className="px-3 py-2">
                <Link href={modelHref(r.name)} className="underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900">
                  {r.displayName}
                </Link>
                <span className="block text-xs text-slate-500">{r.organization}</span>
              </td>
              <SideCell side="a" standing={r.a} minModelVotes={minModelVotes} />
              <SideCell side="b" standing={r.b} minModelVotes={minModelVotes} />
              <td
                className={`border-l border-slate-200 px-3 py-2 text-right tabular-nums ${r.isClear ? "font-semibold" : ""} ${
                  r.difference === null ? "text-slate-400" : r.difference > 0 ? "text-orange-700" : r.difference < 0 ? "text-blue-700" : ""
                }`}
                data-col="difference"
                title={r.isClear ? "The two 95% intervals do not overlap" : undefined}
              >
                {r.difference === null ? "–" : signed(r.difference)}
                {r.isClear && (
                  <span>
                    *<span className="sr-only"> (the 95% intervals do not overlap)</span>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
