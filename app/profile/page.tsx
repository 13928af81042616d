import { getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/auth/profile-form";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { requirePageUser } from "@/lib/session";
import { sliceOptions } from "@/lib/slice-labels";
import { getSliceLabels } from "@/lib/slice-labels-server";
import { PREFER_NOT_TO_SAY } from "@/lib/slices";

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ProfilePage({ searchParams }: PageProps) {
  const user = await requirePageUser("/profile");
  const next = (await searchParams).next;
  const nextPath = next === undefined ? null : safeReturnPath(next, "") || null;
  const current = (value: string | null) => (user.hasProfile ? (value ?? PREFER_NOT_TO_SAY) : "");
  const [t, { locale, labels }] = await Promise.all([getTranslations("profile"), getSliceLabels()]);
  const options = sliceOptions(labels, locale);
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-2xl font-bold">{user.hasProfile ? t("titleEdit") : t("titleNew")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("explanation")}</p>
      {user.hasProfile && (
        <p className="mt-2 text-sm text-slate-700" data-testid="vote-count">
          {t("voteCount", { count: user.voteCount })}
        </p>
      )}
      <ProfileForm
        initial={{
          country: current(user.profile.country),
          ageBand: current(user.profile.ageBand),
          education: current(user.profile.education),
          language: current(user.profile.language),
        }}
        options={{ country: options.country, ageBand: options.age, education: options.education, language: options.language }}
        next={nextPath ?? (user.hasProfile ? null : "/arena")}
      />
    </section>
  );
}
