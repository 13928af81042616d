import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { profileSchema } from "@/lib/profile-schema";
import { updateProfile } from "@/lib/queries/users";
import { requireUser } from "@/lib/session";

/** The signed-in user's demographic profile. */
export const GET = handle(async () => {
  const user = await requireUser();
  return NextResponse.json({ profile: user.profile, isComplete: user.hasProfile });
});

/** Saves the profile; votes already cast keep the snapshot taken when they were cast. */
export const PUT = handle(async (request: Request) => {
  const user = await requireUser();
  const profile = await readJson(request, profileSchema);
  await updateProfile(user.id, profile);
  return NextResponse.json({ profile });
});
