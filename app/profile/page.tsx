import { ProfileForm } from "@/components/auth/profile-form";
import { requirePageUser } from "@/lib/session";
import { AGE_BANDS, COUNTRIES, EDUCATION_LEVELS, LANGUAGES, PREFER_NOT_TO_SAY } from "@/lib/slices";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ProfilePage({ searchParams }: PageProps) {
  const user = await requirePageUser("/profile");
  const next = (await searchParams).next;
  const nextPath = typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : null;
  const current = (value: string | null) => (user.hasProfile ? (value ?? PREFER_NOT_TO_SAY) : "");
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-2xl font-bold">{user.hasProfile ? "Your profile" : "Tell us a little about yourself"}</h1>
      <p className="mt-2 text-sm text-slate-600">
        Each vote keeps a copy of these four answers as they are when you vote, so leaderboards can be filtered by
        audience. Editing them later changes only your future votes. Every answer can be &ldquo;Prefer not to
        say&rdquo;. No leaderboard or export ever shows who voted what.
      </p>
      {user.hasProfile && (
        <p className="mt-2 text-sm text-slate-700" data-testid="vote-count">
          You have cast {user.voteCount} {user.voteCount === 1 ? "vote" : "votes"}.
        </p>
      )}
      <ProfileForm
        initial={{
          country: current(user.profile.country),
          ageBand: current(user.profile.ageBand),
          education: current(user.profile.education),
          language: current(user.profile.language),
        }}
        options={{
          country: COUNTRIES.map((c) => ({ value: c.code, label: c.name })),
          ageBand: AGE_BANDS.map((a) => ({ value: a.code, label: a.label })),
          education: EDUCATION_LEVELS.map((e) => ({ value: e.code, label: e.label })),
          language: LANGUAGES.map((l) => ({ value: l.code, label: l.name })),
        }}
        next={nextPath ?? (user.hasProfile ? null : "/arena")}
      />
    </section>
  );
}
