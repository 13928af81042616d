/** Shown while both audiences are fitted. */
export default function Loading() {
  return (
    <section className="space-y-4" aria-busy="true">
      <h1 className="text-2xl font-bold">Compare two audiences</h1>
      <p className="text-sm text-slate-600">Fitting both audiences…</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-40 animate-pulse rounded border border-slate-200 bg-white" />
        <div className="h-40 animate-pulse rounded border border-slate-200 bg-white" />
      </div>
      <div className="h-72 animate-pulse rounded border border-slate-200 bg-white" />
    </section>
  );
}
