import type { ReactNode } from "react";

/** The first cell of every row stays in place while the rest scrolls (in either direction of writing). */
const STICKY_FIRST =
  "[&_tr>*:first-child]:sticky [&_tr>*:first-child]:start-0 [&_tr>*:first-child]:z-[1] [&_tbody_tr>*:first-child]:bg-white [&_thead_tr>*:first-child]:bg-slate-100";

const HEAD = "bg-slate-100 text-start text-xs uppercase tracking-wide text-slate-600";

/**
 * A table that scrolls sideways inside its own box on a narrow screen (the page itself never does), with the
 * first (model) column sticky. The box is a named region a keyboard can reach, so it can be scrolled with the
 * arrow keys. `label` names it ("Leaderboard table").
 */
export function ScrollTable({
  label,
  testId,
  head,
  headClassName = HEAD,
  children,
}: {
  label: string;
  testId?: string;
  head: ReactNode;
  headClassName?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="max-w-full overflow-x-auto rounded border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
      data-testid={testId ? `${testId}-scroll` : undefined}
    >
      <table className={`w-full text-sm ${STICKY_FIRST}`} data-testid={testId}>
        <thead className={headClassName}>{head}</thead>
        {children}
      </table>
    </div>
  );
}
