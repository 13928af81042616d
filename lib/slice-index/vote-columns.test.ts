import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/rating";
import { NONE } from "./codes";
import { acceptAll, only, type CompiledFilter } from "./compile-filter";
import { VoteColumns } from "./vote-columns";
import type { IndexedVote } from "./vote-segment";

function randomVotes(count: number, seed: number, firstSeq = 1): IndexedVote[] {
  const rng = createRng(seed);
  const pick = (n: number, noneShare = 0.1) => (rng() < noneShare ? NONE : Math.floor(rng() * n));
  return Array.from({ length: count }, (_, i) => {
    const a = Math.floor(rng() * 6);
    let b = Math.floor(rng() * 5);
    if (b >= a) b += 1;
    return {
      seq: firstSeq + i,
      modelA: a,
      modelB: b,
      outcome: Math.floor(rng() * 4),
      source: rng() < 0.2 ? 2 : 0,
      replay: rng() < 0.3,
      country: pick(4),
      age: pick(6),
      education: pick(6),
      language: pick(3),
      time: 1_700_000_000 + Math.floor(rng() * 1_000_000),
      voter: Math.floor(rng() * 40),
    };
  });
}

/** The obvious computation, for comparison. */
function naive(votes: IndexedVote[], f: CompiledFilter) {
  const hit = votes.filter(
    (v) => f.country[v.country] && f.age[v.age] && f.education[v.education] && f.language[v.language] && v.time >= f.from && v.time < f.to,
  );
  const modelVoters = new Map<number, Set<number>>();
  const cells = new Map<string, number>();
  for (const v of hit) {
    for (const m of [v.modelA, v.modelB]) modelVoters.set(m, (modelVoters.get(m) ?? new Set()).add(v.voter));
    const key = `${v.modelA},${v.modelB},${v.outcome}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  return {
    votes: hit.length,
    voters: new Set(hit.map((v) => v.voter)).size,
    demoVotes: hit.filter((v) => v.source === 2).length,
    replayVotes: hit.filter((v) => v.replay).length,
    modelVoters: [...modelVoters].map(([m, s]) => [m, s.size]).sort((x, y) => x[0] - y[0]),
    cells: [...cells].sort(),
    lastTime: Math.max(0, ...hit.map((v) => v.time)),
  };
}

function summarise(columns: VoteColumns, f: CompiledFilter) {
  const r = columns.scan(f);
  const cells: [string, number][] = [];
  for (let i = 0; i < r.cells.length; i++) {
    if (r.cells[i] === 0) continue;
    const o = i % 4;
    const ab = (i - o) / 4;
    cells.push([`${Math.floor(ab / r.modelCount)},${ab % r.modelCount},${o}`, r.cells[i]]);
  }
  const modelVoters = [...r.modelVoters].map((n, m) => [m, n]).filter(([, n]) => n > 0);
  return {
    votes: r.votes,
    voters: r.voters,
    demoVotes: r.demoVotes,
    replayVotes: r.replayVotes,
    modelVoters,
    cells: cells.sort(),
    lastTime: r.lastTime,
  };
}

const FILTERS: [string, CompiledFilter][] = [
  ["everything", acceptAll()],
  ["one country", { ...acceptAll(), country: only([1]) }],
  ["two countries and an age", { ...acceptAll(), country: only([0, 2]), age: only([3]) }],
  ["a language and a time window", { ...acceptAll(), language: only([2]), from: 1_700_200_000, to: 1_700_600_000 }],
  ["nothing matches", { ...acceptAll(), education: only([]) }],
];

describe("VoteColumns", () => {
  for (const [name, filter] of FILTERS) {
    it(`counts exactly like the obvious computation: ${name}`, () => {
      const first = randomVotes(3000, 1);
      const later = randomVotes(400, 2, 5000); // same voters again, in the tail
      const columns = new VoteColumns();
      columns.append(first);
      columns.seal(0); // sorted main part
      columns.append(later);
      columns.seal(10_000); // stays in the tail
      expect(columns.tailSize).toBe(400);
      expect(summarise(columns, filter)).toEqual(naive([...first, ...later], filter));
      columns.seal(0); // folding the tail in changes nothing
      expect(columns.tailSize).toBe(0);
      expect(summarise(columns, filter)).toEqual(naive([...first, ...later], filter));
    });
  }

  it("counts a voter once per slice and once per model however the votes are split", () => {
    const vote = (seq: number, a: number, b: number): IndexedVote => ({
      seq,
      modelA: a,
      modelB: b,
      outcome: 0,
      source: 0,
      country: 0,
      age: 0,
      education: 0,
      language: 0,
      time: 1,
      voter: 7,
    });
    const columns = new VoteColumns();
    columns.append([vote(1, 0, 1)]);
    columns.seal(0);
    columns.append([vote(2, 1, 2), vote(3, 0, 1)]);
    const r = columns.scan(acceptAll());
    expect([r.votes, r.voters, [...r.modelVoters]]).toEqual([3, 1, [1, 1, 1]]);
  });

  it("counts votes and distinct voters per attribute value, main and tail together", () => {
    const first = randomVotes(2000, 3);
    const later = randomVotes(300, 4, 9000);
    const columns = new VoteColumns();
    columns.append(first);
    columns.seal(0);
    columns.append(later);
    columns.seal(10_000);
    const all = [...first, ...later];
    const regionOf = Uint8Array.from([0, 0, 1, 2]); // four countries, three regions
    const counts = columns.attributeCounts(regionOf);
    for (const code of [0, 1, 2]) {
      const hit = all.filter((v) => v.age === code);
      expect([counts.age.votes[code], counts.age.voters[code]]).toEqual([hit.length, new Set(hit.map((v) => v.voter)).size]);
      const inRegion = all.filter((v) => v.country !== NONE && regionOf[v.country] === code);
      expect([counts.region.votes[code], counts.region.voters[code]]).toEqual([
        inRegion.length,
        new Set(inRegion.map((v) => v.voter)).size,
      ]);
    }
    expect(counts.language.votes[NONE]).toBe(0); // "prefer not to say" is not a value
  });

  it("is empty before anything is added", () => {
    const r = new VoteColumns().scan(acceptAll());
    expect([r.votes, r.voters, r.modelCount]).toEqual([0, 0, 0]);
  });
});

describe("votes grouped by voter", () => {
  /** Each voter's multiset of cell codes, from the scan's records, checking voters ascend and runs are whole. */
  function grouped(columns: VoteColumns, f: CompiledFilter) {
    const { byVoter, cells } = columns.scan(f, "votes");
    const out = new Map<number, number[]>();
    const ids = [...byVoter!.voterId];
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
    const recount = new Int32Array(cells.length);
    ids.forEach((v, k) => {
      const codes = [...byVoter!.code.subarray(byVoter!.start[k], byVoter!.start[k + 1])];
      codes.forEach((c) => recount[c]++);
      out.set(
        v,
        codes.sort((x, y) => x - y),
      );
    });
    expect([...recount]).toEqual([...cells]);
    return out;
  }

  it("holds every matching vote once, in one run per voter, whether votes sit in the sorted part or the tail", () => {
    const votes = randomVotes(3000, 21);
    const f = { ...acceptAll(), country: only([0, 1]) };
    const expected = new Map<number, number[]>();
    for (const v of votes) {
      if (!f.country[v.country]) continue;
      const list = expected.get(v.voter) ?? [];
      list.push((v.modelA * 6 + v.modelB) * 4 + v.outcome);
      expected.set(v.voter, list);
    }
    for (const list of expected.values()) list.sort((x, y) => x - y);
    const sortedOnly = new VoteColumns();
    sortedOnly.append(votes);
    sortedOnly.seal(0);
    const withTail = new VoteColumns();
    withTail.append(votes.slice(0, 2000));
    withTail.seal(0);
    withTail.append(votes.slice(2000)); // voters old and new, left in the tail
    expect(withTail.tailSize).toBe(1000);
    for (const columns of [sortedOnly, withTail]) {
      expect(columns.modelCount).toBe(6);
      expect(new Map([...grouped(columns, f)].sort((x, y) => x[0] - y[0]))).toEqual(new Map([...expected].sort((x, y) => x[0] - y[0])));
    }
  });
});

describe("answer style in the records", () => {
  it("each vote's style contrasts come back with it (length to 1/32767, markdown to 1/127), unknown as NaN, through the tail too", () => {
    const votes = randomVotes(600, 31).map((v, i) => ({
      ...v,
      style:
        i % 5 === 0
          ? null
          : { length: ((i % 41) - 20) / 21, headers: ((i % 7) - 3) / 7, lists: ((i % 3) - 1) / 3, bold: ((i % 11) - 5) / 11 },
    }));
    const columns = new VoteColumns();
    columns.append(votes.slice(0, 400));
    columns.seal(0);
    columns.append(votes.slice(400));
    const { byVoter } = columns.scan(acceptAll(), "style");
    const style = byVoter!.style!;
    // match records to votes by (voter, cell): compare as multisets per voter
    const expected = new Map<string, string[]>();
    const key = (s: { length: number; headers: number; lists: number; bold: number } | null) =>
      s === null || !Number.isFinite(s.length)
        ? "unknown"
        : [Math.round(s.length * 32767), Math.round(s.headers * 127), Math.round(s.lists * 127), Math.round(s.bold * 127)].join(",");
    for (const v of votes) {
      const k = `${v.voter}:${(v.modelA * 6 + v.modelB) * 4 + v.outcome}`;
      expected.set(k, [...(expected.get(k) ?? []), key(v.style)]);
    }
    const got = new Map<string, string[]>();
    byVoter!.voterId.forEach((voter, g) => {
      for (let r = byVoter!.start[g]!; r < byVoter!.start[g + 1]!; r++) {
        const k = `${voter}:${byVoter!.code[r]}`;
        got.set(k, [
          ...(got.get(k) ?? []),
          key({ length: style.length[r]!, headers: style.headers[r]!, lists: style.lists[r]!, bold: style.bold[r]! }),
        ]);
      }
    });
    for (const list of [...expected.values(), ...got.values()]) list.sort();
    expect(new Map([...got].sort())).toEqual(new Map([...expected].sort()));
  });
});
