import {
  collectPairs,
  fitStyleControl,
  identifyModels,
  modelRecords,
  rankRanges,
  sortRatingRows,
  STYLE_FEATURES,
  type Identification,
  type PairCell,
  type SliceRatingRow,
  type StyledVoterVotes,
  type VotesByVoter,
} from "@/lib/rating";
import type { StyleSummary } from "./build";

const OUTCOMES = ["A", "B", "TIE", "BOTH_BAD"] as const;

/**
 * A slice's votes by voter (with their style, from a "style" scan) in the style fit's layout: model indices per vote
 * instead of cell codes. Votes whose answers' style is unknown are dropped here, and the cells of the votes kept are
 * returned, so identification looks at exactly the votes the style fit sees. Cost O(votes).
 */
export function styledVotesOf(votes: VotesByVoter, nModels: number): { styled: StyledVoterVotes; cells: PairCell[]; unknown: number } {
  const style = votes.style;
  if (!style) throw new RangeError('style control needs the votes\' style (scan the slice with records "style")');
  const { start, code, stride, modelOf } = votes;
  const total = code.length;
  const keep = new Uint8Array(total);
  let kept = 0;
  for (let v = 0; v < total; v++) {
    const cell = code[v]! >>> 2;
    const a = modelOf[Math.floor(cell / stride)]!;
    const b = modelOf[cell % stride]!;
    const isKnown =
      Number.isFinite(style.length[v]!) &&
      Number.isFinite(style.headers[v]!) &&
      Number.isFinite(style.lists[v]!) &&
      Number.isFinite(style.bold[v]!);
    if (a >= 0 && b >= 0 && a !== b && isKnown) {
      keep[v] = 1;
      kept++;
    }
  }
  const out: StyledVoterVotes = {
    nModels,
    start: new Int32Array(start.length),
    voterId: votes.voterId,
    a: new Int32Array(kept),
    b: new Int32Array(kept),
    outcome: new Uint8Array(kept),
    length: new Float64Array(kept),
    headers: new Float64Array(kept),
    lists: new Float64Array(kept),
    bold: new Float64Array(kept),
  };
  const counts = new Map<number, number>();
  let n = 0;
  for (let g = 0; g + 1 < start.length; g++) {
    for (let v = start[g]!; v < start[g + 1]!; v++) {
      if (!keep[v]) continue;
      const c = code[v]!;
      const cell = c >>> 2;
      const a = modelOf[Math.floor(cell / stride)]!;
      const b = modelOf[cell % stride]!;
      out.a[n] = a;
      out.b[n] = b;
      out.outcome[n] = c & 3;
      out.length[n] = style.length[v]!;
      out.headers[n] = style.headers[v]!;
      out.lists[n] = style.lists[v]!;
      out.bold[n] = style.bold[v]!;
      const key = (a * nModels + b) * 4 + (c & 3);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      n++;
    }
    out.start[g + 1] = n;
  }
  const cells = [...counts].map(([key, count]) => ({
    a: Math.floor(key / 4 / nModels),
    b: (key >> 2) % nModels,
    outcome: OUTCOMES[key & 3]!,
    count,
  }));
  return { styled: out, cells, unknown: total - kept };
}

/**
 * The style-controlled board of a slice: the models the style-known votes identify (`identifyModels`), fitted with
 * FastChat's style covariates (`fitStyleControl`, exact maximum likelihood, voter-clustered intervals), rank ranges
 * among them, and the four coefficients. Rows are sorted as `rateSlice` sorts them, with the records (wins,
 * losses…) of all the slice's votes. Cost: see `fitStyleControl`.
 */
export function rateSliceWithStyle(
  models: readonly string[],
  allCells: readonly PairCell[],
  votes: VotesByVoter,
): { rows: SliceRatingRow[]; style: StyleSummary; voters: number } {
  const n = models.length;
  const { styled, cells, unknown } = styledVotesOf(votes, n);
  const { status, rated } = identifyModels(collectPairs(cells, n));
  const mask = new Uint8Array(n);
  for (const m of rated) mask[m] = 1;
  const result = fitStyleControl(styled, { fit: mask });
  const records = modelRecords(allCells, n);
  const ratedRows = rated.flatMap((m) => {
    const r = result.ratings[m];
    return r && r.lower !== null && r.upper !== null ? [{ m, lower: r.lower, upper: r.upper }] : [];
  });
  const ranges = new Map(rankRanges(ratedRows).map((range, i) => [ratedRows[i]!.m, range]));
  const rows = models.map((model, m): SliceRatingRow => {
    const r = result.ratings[m];
    const range = ranges.get(m);
    // a model rated by the plain fit but not here had no vote of known style that identifies it
    const identification: Identification = r && range ? "rated" : status[m] === "rated" ? "unlinked" : status[m]!;
    return {
      model,
      identification,
      rating: range ? r!.rating : null,
      lower: range ? r!.lower : null,
      upper: range ? r!.upper : null,
      se: range ? r!.se : null,
      rankBest: range?.best ?? null,
      rankWorst: range?.worst ?? null,
      ...records[m]!,
    };
  });
  const coefficients = STYLE_FEATURES.flatMap((feature) => {
    const c = result.coefficients[feature];
    return c && c.se !== null && c.lower !== null && c.upper !== null
      ? [{ feature, estimate: c.estimate, se: c.se, lower: c.lower, upper: c.upper }]
      : [];
  });
  return { rows: sortRatingRows(rows), style: { coefficients, votes: result.votes, unknown }, voters: result.voters };
}
