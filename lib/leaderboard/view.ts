import { INTERVAL_METHODS, type IntervalMethod } from "@/lib/rating";
import type { DeprecatedRows, StyleMode } from "./build";

/**
 * How a leaderboard is computed and shown, beside the audience filters: the interval method, style control and
 * deprecated rows. Lives in the URL like the filters (`interval=`, `style=`, `deprecated=`).
 */
export interface LeaderboardView {
  interval: IntervalMethod;
  style: StyleMode;
  deprecated: DeprecatedRows;
}

export const DEFAULT_VIEW: LeaderboardView = { interval: "sandwich", style: "none", deprecated: "hide" };

export interface ViewProblem {
  key: keyof LeaderboardView;
  value: string;
  message: string;
}

const ALLOWED: { [K in keyof LeaderboardView]: readonly LeaderboardView[K][] } = {
  interval: INTERVAL_METHODS,
  style: ["none", "control"],
  deprecated: ["hide", "show"],
};

const HINTS: { [K in keyof LeaderboardView]: string } = {
  interval: "Use interval=sandwich (voter-clustered, the default), interval=voter-bootstrap or interval=vote-bootstrap.",
  style: "Use style=control to adjust for answer length and markdown, or style=none.",
  deprecated: "Use deprecated=show or deprecated=hide.",
};

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * Reads the view from a query. Never throws: an unknown value keeps the default and is reported in `problems`
 * (pages show a notice, APIs answer 400), as `parseLeaderboardFilters` does for filters.
 */
export function parseLeaderboardView(params: RawParams): { view: LeaderboardView; problems: ViewProblem[] } {
  const view = { ...DEFAULT_VIEW };
  const problems: ViewProblem[] = [];
  for (const key of Object.keys(ALLOWED) as (keyof LeaderboardView)[]) {
    const raw = params instanceof URLSearchParams ? params.get(key) : [params[key]].flat()[0];
    if (raw === undefined || raw === null || raw === "") continue;
    const value = raw.trim().toLowerCase();
    if ((ALLOWED[key] as readonly string[]).includes(value)) (view as Record<string, string>)[key] = value;
    else problems.push({ key, value: raw, message: HINTS[key] });
  }
  return { view, problems };
}

/** The view's non-default parameters as a query string ("" when all are defaults), in a fixed order. */
export function serializeLeaderboardView(view: Partial<LeaderboardView>): string {
  const params = new URLSearchParams();
  for (const key of ["interval", "style", "deprecated"] as const) {
    const value = view[key];
    if (value !== undefined && value !== DEFAULT_VIEW[key]) params.set(key, value);
  }
  return params.toString();
}
