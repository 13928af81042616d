import Link from "next/link";

/** Landing page: what Showdown is, and the two ways in. */
export default function HomePage() {
  return (
    <section className="mx-auto max-w-3xl py-10">
      <h1 className="text-3xl font-bold tracking-tight">Which AI models do people actually prefer?</h1>
      <p className="mt-4 text-lg text-slate-700">
        Showdown shows you two anonymous answers to the same prompt. You pick the better one, then learn which models
        wrote them. Every vote carries the voter&apos;s country, age band, education and language, so the leaderboard
        can tell you what <em>your</em> audience prefers, not just one global score.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/arena" className="rounded bg-slate-900 px-5 py-2.5 font-medium text-white hover:bg-slate-700">
          Start voting
        </Link>
        <Link href="/leaderboard" className="rounded border border-slate-300 bg-white px-5 py-2.5 font-medium hover:bg-slate-100">
          See the leaderboard
        </Link>
      </div>
      <ul className="mt-10 grid gap-4 text-sm text-slate-700 sm:grid-cols-3">
        <li className="rounded border border-slate-200 bg-white p-4">
          <strong className="block text-slate-900">Blind votes</strong>
          Nothing you see before voting names the models; left and right are drawn at random.
        </li>
        <li className="rounded border border-slate-200 bg-white p-4">
          <strong className="block text-slate-900">Honest statistics</strong>
          Bradley–Terry ratings with 95% bootstrap intervals; small slices say so instead of showing noise.
        </li>
        <li className="rounded border border-slate-200 bg-white p-4">
          <strong className="block text-slate-900">Sliced by audience</strong>
          Filter by country, region, age band, education and language.
        </li>
      </ul>
    </section>
  );
}
