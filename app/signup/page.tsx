import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/session";

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/arena");
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Create your account</h1>
      <p className="mt-2 text-sm text-slate-600">Votes are anonymous on every leaderboard and export; your email is never shown.</p>
      <SignUpForm />
    </section>
  );
}
