import Link from "next/link";
import { holdoutCutoff } from "@/lib/policy";
import { getPolicy } from "@/lib/queries/policy";

export const metadata = { title: "Methodology · Showdown" };

/** How votes become ratings, and the data policy, with the settings in force now. */
export default async function MethodologyPage() {
  const policy = await getPolicy();
  const releasedUpTo = holdoutCutoff(policy, new Date()).toISOString().slice(0, 10);
  return (
    <article className="prose-sm mx-auto max-w-3xl space-y-5 text-slate-800">
      <h1 className="text-2xl font-bold">Methodology</h1>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Votes</h2>
        <p>
          A contributor sees one prompt and two responses labelled A and B. Which model is on which side is drawn at random, and
          nothing the browser receives before the vote names either model. The vote is one of: A is better, B is better, tie, or
          both are bad. Each person votes at most once on each battle; the database enforces it. Every vote keeps a copy of the
          voter&apos;s country, age band, education and main language as they were when the vote was cast (any of them may be
          &ldquo;prefer not to say&rdquo;), so editing a profile never rewrites past votes.
        </p>
      </section>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Ratings</h2>
        <p>
          Ratings are the maximum-likelihood fit of the Bradley–Terry model, the method LMArena (Chatbot Arena) uses: the
          probability that model <em>i</em> beats model <em>j</em> is 1 / (1 + 10<sup>(R<sub>j</sub> − R<sub>i</sub>)/400</sup>), so
          400 points mean odds of 10 to 1. A tie and a &ldquo;both are bad&rdquo; vote count as half a win for each side (both-bad
          votes are still reported apart, as an absolute quality signal). Ratings are centred so that they average 1000. Our
          computation is tested against FastChat&apos;s own rating code on reference battle files.
        </p>
        <p>
          The 95% interval of a rating comes from {policy.bootstrapRounds} bootstrap rounds: the slice&apos;s votes are resampled
          with replacement (a multinomial draw over the distinct kinds of result) and refitted, and the 2.5% and 97.5% quantiles of
          the refitted ratings are the interval. The random draws use a fixed seed ({policy.bootstrapSeed}), so the same votes always
          give the same numbers.
        </p>
        <p>
          A model&apos;s rank is 1 plus the number of models that are statistically better: those whose whole interval lies above
          its interval. Models whose intervals overlap share a rank.
        </p>
      </section>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Slices and small samples</h2>
        <p>
          Any combination of country (or UN M49 region), age band, education, language and date range can be chosen, with several
          values per attribute. A slice is shown only once at least <strong>{policy.minSliceVoters}</strong> different people have
          voted in it, and a model is rated in a slice only with at least <strong>{policy.minModelVotes}</strong> votes there;
          otherwise it is listed as &ldquo;not enough votes&rdquo;. Small samples give wide, unstable intervals, and the threshold
          also keeps individual voters from being singled out.
        </p>
      </section>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Data policy</h2>
        <p>
          The leaderboard uses every vote. Data exports hold out the most recent <strong>{policy.holdoutDays}</strong> days of votes,
          so the live leaderboard cannot be trained on: released data currently covers votes up to {releasedUpTo} (UTC). Exports
          identify voters only by a pseudonymous id, and the labelled demo votes of a demo deployment are never exported.
        </p>
        <p>
          Leaderboard snapshots (all voters, each region and each language) are published regularly with their data cutoff, method
          settings and code version. Published snapshots are never edited or deleted: the database refuses both. Administrators
          change these settings on the policy page, and every change is kept in an append-only audit log.
        </p>
      </section>

      <p>
        <Link href="/leaderboard" className="underline">Back to the leaderboard</Link>
      </p>
    </article>
  );
}
