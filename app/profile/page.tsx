import { getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/auth/profile-form";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { ResendVerification } from "@/components/auth/resend-verification";
import { SignOutEverywhere } from "@/components/auth/sign-out-everywhere";
import { AUDIENCE_FIELDS, nextChangeAt, type AudienceField } from "@/lib/identity/audience-changes";
import { isMailConfigured } from "@/lib/mail";
import { getPolicy } from "@/lib/queries/policy";
import { getStoredAudience } from "@/lib/queries/users";
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
  const [t, { locale, labels }, stored, policy] = await Promise.all([
    getTranslations("profile"),
    getSliceLabels(),
    getStoredAudience(user.id),
    getPolicy(),
  ]);
  const options = sliceOptions(labels, locale);
  const now = new Date();
  const nextChange = Object.fromEntries(
    AUDIENCE_FIELDS.map((f) => [f, stored ? (nextChangeAt(stored, f, policy.profileChangeDays, now)?.toISOString() ?? null) : null]),
  ) as Record<AudienceField, string | null>;
  const canMail = isMailConfigured();
  return (
    <section className="mx-auto max-w-lg">
      <h1 className="text-2xl font-bold">{user.hasProfile ? t("titleEdit") : t("titleNew")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("explanation")}</p>
      {policy.profileChangeDays > 0 && <p className="mt-2 text-sm text-slate-600">{t("changeRule", { days: policy.profileChangeDays })}</p>}
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
        nextChangeAt={nextChange}
      />
      {(canMail || user.isEmailVerified) && (
        <section className="mt-8 space-y-2 border-t border-slate-200 pt-4" aria-labelledby="email-title">
          <h2 id="email-title" className="text-lg font-semibold">
            {t("email.title")}
          </h2>
          <p className="text-sm text-slate-700" data-testid="email-status">
            {user.isEmailVerified ? t("email.verified", { email: user.email }) : t("email.unverified", { email: user.email })}
          </p>
          {!user.isEmailVerified && policy.requireVerifiedEmail && (
            <p className="text-sm text-slate-700">{t("email.votesNeedVerification")}</p>
          )}
          {!user.isEmailVerified && <ResendVerification email={user.email} />}
        </section>
      )}
      <section className="mt-8 space-y-2 border-t border-slate-200 pt-4" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="text-lg font-semibold">
          {t("sessions.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("sessions.explanation")}</p>
        <SignOutEverywhere />
      </section>
    </section>
  );
}
