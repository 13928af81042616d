import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { publicBaseUrl, requestLocale, sendVerificationEmail } from "@/lib/identity/email-verification";
import { signUpSchema } from "@/lib/profile-schema";
import { createUser } from "@/lib/queries/users";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";

/**
 * Creates a contributor account (email + password); the client then signs in. Sign-ups are
 * limited per address (policy signupsPerHourPerIp). When SMTP_URL is set, a verification link is
 * mailed; a mail failure does not undo the account (the profile page can send a new link).
 */
export const POST = handle(async (request: Request) => {
  const input = await readJson(request, signUpSchema);
  await enforceRateLimit({ action: "signup", ip: clientIp(request) });
  const user = await createUser(input);
  let isVerificationSent = false;
  try {
    isVerificationSent = await sendVerificationEmail({
      userId: user.id,
      email: user.email,
      locale: requestLocale(request),
      baseUrl: publicBaseUrl(request),
    });
  } catch (error) {
    console.error("Sending the verification email after sign-up failed", error);
  }
  return NextResponse.json({ id: user.id, email: user.email, verificationSent: isVerificationSent }, { status: 201 });
});
