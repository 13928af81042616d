import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { AUDIENCE_FIELDS, nextChangeAt } from "@/lib/identity/audience-changes";
import { profileSchema } from "@/lib/profile-schema";
import { getPolicy } from "@/lib/queries/policy";
import { getStoredAudience, updateProfile } from "@/lib/queries/users";
import { requireUser } from "@/lib/session";

/** The signed-in user's demographic profile, whether the email is confirmed, and when each answer may change next. */
export const GET = handle(async () => {
  const user = await requireUser();
  const [stored, policy] = await Promise.all([getStoredAudience(user.id), getPolicy()]);
  const now = new Date();
  const nextChange = Object.fromEntries(
    AUDIENCE_FIELDS.map((f) => [f, stored ? (nextChangeAt(stored, f, policy.profileChangeDays, now)?.toISOString() ?? null) : null]),
  );
  return NextResponse.json({
    profile: user.profile,
    isComplete: user.hasProfile,
    isEmailVerified: user.isEmailVerified,
    nextChangeAt: nextChange,
  });
});

/**
 * Saves the profile. After the first completion each answer may change once per policy window
 * (409 audience_change_too_soon otherwise); votes already cast keep the snapshot taken when they
 * were cast.
 */
export const PUT = handle(async (request: Request) => {
  const user = await requireUser();
  const profile = await readJson(request, profileSchema);
  const { changed } = await updateProfile(user.id, profile);
  return NextResponse.json({ profile, changed });
});
