import { redirect } from "next/navigation";
import { landingPathFor } from "@/lib/landing";
import { requirePageUser } from "@/lib/session";

export const dynamic = "force-dynamic";

/** After sign-in without a return path: each role's own first page (lib/landing.ts). */
export default async function StartPage() {
  const user = await requirePageUser("/start");
  redirect(landingPathFor(user.role));
}
