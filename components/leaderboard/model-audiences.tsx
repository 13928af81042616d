import type { AudienceGroup, AudienceRating } from "@/lib/queries/model-profile";
import { signed } from "./format";

const PLURALS: Record<AudienceGroup["key"], [string, string]> = {
  region: ["region", "regions"],
  country: ["country", "countries"],
  age: ["age band", "age bands"],
  education: ["education level", "education levels"],
  language: ["language", "languages"],
};

/** A bar from the centre line, right for a positive difference and left for a negative one. */
function DifferenceBar({ difference, scale }: { difference: number; scale: number }) {
  const width = `${Math.min(50, (Math.abs(difference) / scale) * 50)}%`;
  return (
    <span className="relative block h-2.5 w-full min-w-24 rounded-sm bg-slate-100" aria-hidden="true">
      <span className="absolute inset-y-0 left-1/2 w-px bg-slate-400" />
      <span
        className={`absolute inset-y-0 rounded-sm ${difference >= 0 ? "bg-emerald-500" : "bg-rose-500"}`}
        style={difference >= 0 ? { left: "50%", width } : { right: "50%", width }}
      />
    </span>
  );
}

function RatedRow({ r, scale }: { r: AudienceRating; scale: number }) {
  return (
    <tr className="border-t border-slate-100" data-audience={`${r.key}:${r.value}`}>
      <th scope="row" className="px-3 py-1.5 text-left font-normal">{r.label}</th>
      <td className="px-2 py-1.5 text-right tabular-nums" data-col="rating">
        {r.rating!.toFixed(0)}
        <span className="block whitespace-nowrap text-xs text-slate-500" title="95% interval">
          {r.lower!.toFixed(0)}–{r.upper!.toFixed(0)}
        </span>
      </td>
      <td className={`px-2 py-1.5 text-right tabular-nums ${r.difference! > 0 ? "text-emerald-700" : r.difference! < 0 ? "text-rose-700" : ""}`} data-col="difference">
        {signed(r.difference!)}
      </td>
      <td className="hidden px-3 py-1.5 sm:table-cell">
        <DifferenceBar difference={r.difference!} scale={scale} />
      </td>
      <td className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums">
        {r.rank} <span className="text-slate-500">of {r.ratedModels}</span>
      </td>
      <td className="hidden px-3 py-1.5 text-right tabular-nums sm:table-cell">{r.modelVotes}</td>
    </tr>
  );
}

/** "Rated highest by …, lowest by …" over every rated audience, so the extremes are read first. */
function Extremes({ groups }: { groups: AudienceGroup[] }) {
  const all = groups.flatMap((g) => g.rated.map((r) => ({ ...r, group: g.label })));
  if (all.length < 2) return null;
  const sorted = [...all].sort((x, y) => y.difference! - x.difference!);
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  const name = (r: (typeof all)[number]) => `${r.label} (${r.group.toLowerCase()})`;
  return (
    <p className="text-sm" data-testid="audience-extremes">
      Rated highest by <strong>{name(best)}</strong>: {signed(best.difference!)} against its overall rating; lowest by{" "}
      <strong>{name(worst)}</strong>: {signed(worst.difference!)}.
    </p>
  );
}

/** The model's rating in each audience, most favourable first, with the audiences that cannot rate it listed as such. */
export function ModelAudiences({ groups, minSliceVoters, minModelVotes }: { groups: AudienceGroup[]; minSliceVoters: number; minModelVotes: number }) {
  const scale = Math.max(25, ...groups.flatMap((g) => g.rated.map((r) => Math.abs(r.difference!))));
  return (
    <div className="space-y-4">
      <Extremes groups={groups} />
      {groups.map((g) => (
        <div key={g.key} className="rounded border border-slate-200 bg-white" data-testid={`audience-${g.key}`}>
          <h3 className="border-b border-slate-100 px-3 py-2 font-semibold">{g.label}</h3>
          {g.rated.length > 0 && (
            <div className="overflow-x-auto">
              {/* Fixed column widths, so the tables of all attributes line up. */}
              <table className="w-full table-fixed text-sm">
                <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th className="px-3 py-1.5">Audience</th>
                    <th className="w-18 px-2 py-1.5 text-right sm:w-24">Rating</th>
                    <th className="w-14 px-2 py-1.5 text-right sm:w-24" title="Rating in this audience minus the overall rating">vs overall</th>
                    <th className="hidden w-1/4 px-3 py-1.5 sm:table-cell" aria-hidden="true" />
                    <th className="w-20 px-2 py-1.5 text-right sm:w-24">Rank</th>
                    <th className="hidden w-20 px-3 py-1.5 text-right sm:table-cell" title="This model's votes in the audience">Votes</th>
                  </tr>
                </thead>
                <tbody>
                  {g.rated.map((r) => (
                    <RatedRow key={r.value} r={r} scale={scale} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="space-y-1 px-3 py-2 text-xs text-slate-600">
            {g.rated.length === 0 && <p>Not rated in any {PLURALS[g.key][0]} yet.</p>}
            {g.unrated.length > 0 && (
              <p data-testid="audience-unrated">
                Not enough votes for this model (a rating needs {minModelVotes}) in:{" "}
                {g.unrated.map((r) => `${r.label} (${r.modelVotes})`).join(", ")}.
              </p>
            )}
            {g.omitted > 0 && (
              <p>
                {g.omitted} {PLURALS[g.key][g.omitted === 1 ? 0 : 1]} with votes {g.omitted === 1 ? "is" : "are"} too small to show
                (fewer than {minSliceVoters} voters or {minModelVotes} votes).
              </p>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
