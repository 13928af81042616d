import "@/lib/zod-browser";
import { z } from "zod";
import { PREFER_NOT_TO_SAY, isAgeBand, isCountryCode, isEducation, isLanguageCode } from "@/lib/slices";

/** A demographic answer: a valid code of the taxonomy, or "prefer not to say" (stored as null). */
function answer(label: string, isValid: (value: string) => boolean) {
  return z
    .string({ message: `Choose your ${label} or "Prefer not to say".` })
    .trim()
    .min(1, `Choose your ${label} or "Prefer not to say".`)
    .refine((v) => v === PREFER_NOT_TO_SAY || isValid(v), { message: `That is not a known ${label}.` })
    .transform((v) => (v === PREFER_NOT_TO_SAY ? null : v));
}

/** The demographic profile a contributor completes before the first vote (forms and API). */
export const profileSchema = z.object({
  country: answer("country", isCountryCode),
  ageBand: answer("age band", isAgeBand),
  education: answer("education level", isEducation),
  language: answer("main language", isLanguageCode),
});

export type ProfileInput = z.input<typeof profileSchema>;
export type Profile = z.output<typeof profileSchema>;

/** Sign-up form: email and password (8 to 200 characters). */
export const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254, "That email address is too long."),
  password: z.string().min(8, "Use at least 8 characters for your password.").max(200, "Use at most 200 characters for your password."),
  name: z.string().trim().max(80, "Use at most 80 characters for your name.").optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;
