// Latency figures for the load benchmark: percentiles (nearest rank) and a count of statuses.

/** The p-th percentile (0..100) by the nearest-rank rule; NaN for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Latencies and statuses of one kind of request. */
export class Series {
  private ok: number[] = [];
  statuses = new Map<number, number>();

  constructor(public readonly name: string) {}

  /** Counts a status; only successful (2xx) requests enter the latency figures. */
  record(status: number, ms: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (status >= 200 && status < 300) this.ok.push(ms);
  }

  get count(): number {
    return this.ok.length;
  }

  summary(): { n: number; p50: number; p95: number; p99: number; max: number } {
    const sorted = [...this.ok].sort((a, b) => a - b);
    return {
      n: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
    };
  }

  /** Non-2xx statuses: "429×3, 500×1" ("" when there were none). */
  errors(): string {
    return [...this.statuses]
      .filter(([status]) => status < 200 || status >= 300)
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status === 0 ? "network" : status}×${n}`)
      .join(", ");
  }
}
