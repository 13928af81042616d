import type { FilterProblem } from "@/lib/filters";

/** The notice for URL values that were ignored (server-rendered); `prefix` names the comparison side. */
export function FilterProblems({ problems, prefix = "" }: { problems: FilterProblem[]; prefix?: string }) {
  return problems.map((p) => (
    <p key={`${prefix}${p.key}-${p.value}`} role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      Ignored filter {prefix}
      {p.key}=&ldquo;{p.value}&rdquo;: {p.message}
    </p>
  ));
}
