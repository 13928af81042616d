import "server-only";
import { createTranslator } from "next-intl";
import { serverEnv } from "@/lib/env";
import { pickLocale, type Locale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { isMailConfigured, sendMail } from "@/lib/mail";
import { createEmailVerification } from "@/lib/queries/email-verification";

/** How long a verification link works. */
export const VERIFICATION_LIFETIME_HOURS = 48;

/** The locale of a request (saved choice, else the browser's languages), for mail it triggers. */
export function requestLocale(request: Request): Locale {
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  return pickLocale(cookie, request.headers.get("accept-language"));
}

/** Where links in mail point: NEXTAUTH_URL (the public address), else the request's origin. */
export function publicBaseUrl(request: Request): string {
  return (serverEnv().NEXTAUTH_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
}

/**
 * Sends a verification link (`/verify-email?token=…`, single use, valid 48 hours) to the address in
 * the contributor's language. Returns false without sending when SMTP_URL is not set; a refusal
 * by the mail server is thrown.
 */
export async function sendVerificationEmail({
  userId,
  email,
  locale,
  baseUrl,
}: {
  userId: string;
  email: string;
  locale: Locale;
  baseUrl: string;
}): Promise<boolean> {
  if (!isMailConfigured()) return false;
  const token = await createEmailVerification(userId, email, VERIFICATION_LIFETIME_HOURS * 3_600_000);
  const link = `${baseUrl}/verify-email?token=${encodeURIComponent(token)}`;
  const t = createTranslator({
    locale,
    messages: loadMessages(locale) as { email: { verification: { subject: string; body: string } } },
    namespace: "email.verification",
  });
  await sendMail({ to: email, subject: t("subject"), text: t("body", { link, hours: VERIFICATION_LIFETIME_HOURS }) });
  return true;
}
