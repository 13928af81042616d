import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, readJson } from "@/lib/api";
import { recordVote } from "@/lib/queries/votes";
import { requireUser } from "@/lib/session";

const voteSchema = z.object({
  outcome: z.enum(["A", "B", "TIE", "BOTH_BAD"], { message: 'outcome must be "A", "B", "TIE" or "BOTH_BAD"' }),
});

/** Casts the signed-in user's vote on their battle and reveals both models. */
export const POST = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await context.params;
  const { outcome } = await readJson(request, voteSchema);
  const reveal = await recordVote({ battleId: id, userId: user.id, outcome });
  return NextResponse.json(reveal, { status: 201 });
});
