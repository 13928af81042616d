import { db } from "../../lib/db";
import { markVotesChanged } from "../../lib/slice-index/vote-index";
import { seedRoster } from "../../lib/seed";
import { updateProfile, createUser } from "../../lib/queries/users";
import type { Profile } from "../../lib/profile-schema";

/** Empties every table (integration test files run one after another on one database). */
export async function resetDatabase(): Promise<void> {
  await db().$executeRawUnsafe('TRUNCATE "Vote", "Battle", "Prompt", "OAuthAccount", "User", "Model", "VoterEvidence" CASCADE');
  markVotesChanged();
}

let counter = 0;

/** A contributor with a completed profile, on a freshly seeded roster if needed. */
export async function createContributor(profile: Profile = { country: "BR", ageBand: "25-34", education: "bachelor", language: "pt" }) {
  await seedRoster();
  counter += 1;
  const user = await createUser({ email: `it-${Date.now()}-${counter}@example.com`, password: "password123" });
  await updateProfile(user.id, profile);
  return user;
}
