import Link from "next/link";

/** An unknown model name. */
export default function ModelNotFound() {
  return (
    <section className="mx-auto max-w-xl space-y-3 py-10 text-center">
      <p className="text-sm font-medium text-slate-500">404</p>
      <h1 className="text-2xl font-bold">No such model</h1>
      <p className="text-slate-600">There is no model by that name on this leaderboard. It may have been renamed, or the link is mistyped.</p>
      <p>
        <Link href="/leaderboard" className="underline underline-offset-2">
          See all models on the leaderboard
        </Link>
      </p>
    </section>
  );
}
