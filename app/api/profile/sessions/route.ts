import { NextResponse } from "next/server";
import { handle } from "@/lib/api";
import { endAllSessions } from "@/lib/queries/sessions";
import { requireUser } from "@/lib/session";

/** "Sign out everywhere": ends every session of the signed-in contributor, this one included. */
export const DELETE = handle(async () => {
  const user = await requireUser();
  const ended = await endAllSessions(user.id);
  return NextResponse.json({ ended });
});
