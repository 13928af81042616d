import { NextResponse } from "next/server";
import { handle } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { publicBaseUrl, requestLocale, sendVerificationEmail } from "@/lib/identity/email-verification";
import { isMailConfigured } from "@/lib/mail";
import { enforceRateLimit } from "@/lib/rate-limit";
import { requireUser } from "@/lib/session";

/** Mails the signed-in contributor a new verification link (a few per hour at most). */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  if (user.isEmailVerified) throw new AppError("invalid_transition", "Your email address is already confirmed.");
  if (!isMailConfigured()) throw new AppError("invalid_transition", "This site does not send email, so it cannot confirm your address.");
  await enforceRateLimit({ action: "verification-mail", userId: user.id, ip: null });
  try {
    await sendVerificationEmail({ userId: user.id, email: user.email, locale: requestLocale(request), baseUrl: publicBaseUrl(request) });
  } catch (error) {
    console.error("Sending a verification email failed", error);
    throw new AppError("internal", "Sending the email failed. Please try again later.");
  }
  return NextResponse.json({ sent: true, email: user.email });
});
