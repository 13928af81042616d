"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" className="text-slate-600 hover:underline" onClick={() => signOut({ callbackUrl: "/" })}>
      Sign out
    </button>
  );
}
