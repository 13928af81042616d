import type { ReactNode } from "react";

/** The bordered, horizontally scrollable table the app's lists share: a header row and a body. */
export function DataTable({ testId, head, children }: { testId?: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="bg-slate-100 text-start text-xs uppercase tracking-wide text-slate-600">{head}</thead>
        {children}
      </table>
    </div>
  );
}
