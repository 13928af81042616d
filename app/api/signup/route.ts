import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api";
import { signUpSchema } from "@/lib/profile-schema";
import { createUser } from "@/lib/queries/users";

/** Creates a contributor account (email + password). The client then signs in. */
export const POST = handle(async (request: Request) => {
  const input = await readJson(request, signUpSchema);
  const user = await createUser(input);
  return NextResponse.json({ id: user.id, email: user.email }, { status: 201 });
});
