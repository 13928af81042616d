import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, readJson } from "@/lib/api";
import { countOwnVotes } from "@/lib/queries/history";
import { recordVote } from "@/lib/queries/votes";
import { clientIp, enforceRateLimit } from "@/lib/rate-limit";
import { requireUser } from "@/lib/session";

const voteSchema = z.object({
  outcome: z.enum(["A", "B", "TIE", "BOTH_BAD"], { message: 'outcome must be "A", "B", "TIE" or "BOTH_BAD"' }),
});

/**
 * Casts the signed-in user's vote on their battle and reveals both models: 201 for a new vote,
 * 200 with the same reveal for a retry of the same vote. `voteCount` is the voter's new total (the
 * header shows it without a reload).
 */
export const POST = handle(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await context.params;
  const { outcome } = await readJson(request, voteSchema);
  await enforceRateLimit({ action: "vote", userId: user.id, ip: clientIp(request) });
  // recordVote also extends the voter's anomaly evidence and raises a review when it reaches the threshold.
  const { isNew, ...reveal } = await recordVote({ battleId: id, userId: user.id, outcome });
  return NextResponse.json({ ...reveal, voteCount: await countOwnVotes(user.id) }, { status: isNew ? 201 : 200 });
});
