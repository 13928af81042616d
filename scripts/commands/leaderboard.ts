// `npm run arena -- leaderboard …` and `npm run arena -- compare …`: a slice's board, or two audiences tested
// against each other, as a table or JSON.
import { parseArgs } from "node:util";
import { AppError } from "../../lib/errors";
import { parseLeaderboardFilters, type LeaderboardFilters } from "../../lib/filters";
import { parseLeaderboardView } from "../../lib/leaderboard/view";
import { getComparison } from "../../lib/queries/compare";
import { getLeaderboard, type Leaderboard } from "../../lib/queries/leaderboard";
import { getPolicy } from "../../lib/queries/policy";

export const LEADERBOARD_HELP = `leaderboard [--country C] [--region R] [--age A] [--education E] [--language L] [--from D] [--to D]
              [--intervals sandwich|voter-bootstrap|vote-bootstrap] [--style-control] [--json]
                                        (repeat an option or use commas for several values; intervals are
                                        voter-clustered by default; vote-bootstrap is FastChat's)
  compare --a FILTERS --b FILTERS [--json]
                                        test each model's rating difference between two audiences, e.g.
                                        --a country=DE --b country=JP,age=25-34 (an empty side is everyone)`;

const FILTER_OPTIONS = {
  country: { type: "string", multiple: true },
  region: { type: "string", multiple: true },
  age: { type: "string", multiple: true },
  education: { type: "string", multiple: true },
  language: { type: "string", multiple: true },
  from: { type: "string" },
  to: { type: "string" },
} as const;

function invalid(problems: { key: string; value: string; message: string }[], prefix = "--"): AppError {
  return new AppError("invalid_filter", problems.map((p) => `${prefix}${p.key} ${p.value}: ${p.message}`).join("\n"));
}

const fixed = (x: number | null, digits = 1) => (x === null ? "" : x.toFixed(digits));

/** A slice's size as shown: exact counts, or only "fewer than N voters" under the minimum (lib/leaderboard/thin-slice). */
const sizeOf = (s: { votes: number | null; voters: number | null }, minVoters: number) =>
  s.votes === null || s.voters === null ? `fewer than ${minVoters} voters` : `${s.votes} votes by ${s.voters} voters`;

function formatTable(board: Leaderboard): string {
  const lines = [`${board.slice}: ${sizeOf(board, board.policy.minSliceVoters)}${board.demoVotes ? ` (${board.demoVotes} demo)` : ""}`];
  if (board.replayVotes)
    lines.push(`${board.replayVotes} of these votes are from battles that showed a replay answer (public text a voter could look up).`);
  if (!board.isShown) {
    lines.push(`Not enough votes in this slice: it needs at least ${board.policy.minSliceVoters} different voters.`);
    return lines.join("\n");
  }
  lines.push(
    `95% intervals: ${board.method.interval}${board.method.voters ? ` (${board.method.voters} voters)` : ""}${board.method.style === "control" ? "; style-controlled" : ""}`,
  );
  lines.push(["rank", "model", "rating", "95% CI", "votes"].join("\t"));
  for (const r of board.rows) {
    if (r.rating === null)
      lines.push(
        ["-", r.name, r.unrated === "few-votes" ? "not enough votes" : `unrankable (${r.unrated})`, "", String(r.votes)].join("\t"),
      );
    else
      lines.push(
        [
          r.rankWorst !== r.rank ? `${r.rank}-${r.rankWorst}` : String(r.rank),
          r.name,
          fixed(r.rating),
          `${fixed(r.lower)}..${fixed(r.upper)}`,
          String(r.votes),
        ].join("\t"),
      );
  }
  if (board.style) {
    lines.push("", "style coefficient (log-odds per sd)\testimate\t95% CI");
    for (const c of board.style.coefficients)
      lines.push([c.feature, fixed(c.estimate, 3), `${fixed(c.lower, 3)}..${fixed(c.upper, 3)}`].join("\t"));
  }
  return lines.join("\n");
}

/** `leaderboard`: one slice's board (expects the database to be booted). */
export async function runLeaderboard(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...FILTER_OPTIONS,
      intervals: { type: "string" },
      "style-control": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const { json, intervals, "style-control": styleControl, ...raw } = values;
  const { filters, problems } = parseLeaderboardFilters(raw);
  const { view, problems: viewProblems } = parseLeaderboardView({ interval: intervals, style: styleControl ? "control" : "none" });
  if (problems.length) throw invalid(problems);
  if (viewProblems.length) throw invalid(viewProblems.map((p) => ({ ...p, key: "intervals" })));
  const board = await getLeaderboard(filters, view);
  if (!json) {
    console.log(formatTable(board));
    return;
  }
  const rows = board.isShown
    ? board.rows.map((r) => ({
        model: r.name,
        rating: r.rating,
        lower: r.lower,
        upper: r.upper,
        se: r.se,
        rank: r.rank,
        rankWorst: r.rankWorst,
        unrated: r.unrated,
        battles: r.votes,
        voters: r.voters,
        winRate: r.winRate,
        tieRate: r.tieRate,
        bothBadRate: r.bothBadRate,
      }))
    : [];
  // the rows; with style control, { method, style: coefficients, rows }
  console.log(JSON.stringify(board.style ? { method: board.method, style: board.style, rows } : rows));
}

/** One side's filters from repeated `--a key=value[,value]` options (an empty side is everyone). */
function sideFilters(specs: string[] | undefined, side: "a" | "b"): LeaderboardFilters {
  const params = new URLSearchParams();
  for (const spec of specs ?? []) {
    for (const part of spec.split(/[&\s]+/).filter(Boolean)) {
      const at = part.indexOf("=");
      if (at <= 0) throw new AppError("invalid_filter", `--${side} ${part}: use key=value, e.g. --${side} country=DE`);
      params.append(part.slice(0, at), part.slice(at + 1));
    }
  }
  const unknown = [...params.keys()].filter((k) => !(k in FILTER_OPTIONS));
  if (unknown.length)
    throw new AppError("invalid_filter", `--${side} ${unknown.join(", ")}: unknown filter (use ${Object.keys(FILTER_OPTIONS).join(", ")})`);
  const { filters, problems } = parseLeaderboardFilters(params);
  if (problems.length) throw invalid(problems, `--${side} `);
  return filters;
}

/** `compare`: each model's tested difference between two audiences (expects the database to be booted). */
export async function runCompare(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { a: { type: "string", multiple: true }, b: { type: "string", multiple: true }, json: { type: "boolean", default: false } },
  });
  const comparison = await getComparison(sideFilters(values.a, "a"), sideFilters(values.b, "b"));
  if (values.json) {
    console.log(JSON.stringify(comparison));
    return;
  }
  const { a, b } = comparison;
  const min = (await getPolicy()).minSliceVoters;
  const shared = comparison.sharedVoters === null ? `fewer than ${min}` : String(comparison.sharedVoters);
  const lines = [
    `A: ${sizeOf(a, min)}; B: ${sizeOf(b, min)}; ${a.isShown && b.isShown ? `${shared} voters in both` : ""}`.replace(/; $/, ""),
  ];
  if (!a.isShown || !b.isShown) lines.push("Not enough voters in one of the audiences to compare them.");
  else {
    lines.push(["model", "A", "B", "B−A", "95% CI", "p", "q", ""].join("\t"));
    for (const m of comparison.models) {
      lines.push(
        [
          m.name,
          fixed(m.ratingA),
          fixed(m.ratingB),
          fixed(m.difference),
          `${fixed(m.lower)}..${fixed(m.upper)}`,
          m.p.toPrecision(2),
          m.q.toPrecision(2),
          m.significant ? "significant" : "",
        ].join("\t"),
      );
    }
    lines.push(
      `significant: q < ${comparison.falseDiscoveryRate} (Benjamini–Hochberg across the ${comparison.models.length} models compared)`,
    );
  }
  console.log(lines.join("\n"));
}
