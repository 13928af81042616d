import "@/lib/zod-browser";
import { z } from "zod";

/** The longest prompt a contributor may type. */
export const MAX_PROMPT_CHARS = 4000;

/** A typed prompt: not empty or only whitespace, at most MAX_PROMPT_CHARS characters. */
export const userPromptSchema = z
  .string({ message: "prompt must be text" })
  .max(MAX_PROMPT_CHARS, `The prompt is too long: at most ${MAX_PROMPT_CHARS} characters.`)
  .refine((text) => text.trim().length > 0, "The prompt is empty: type a question or task.");

/** Why a typed prompt is refused (for the form), or null when it is fine. */
export function promptProblem(text: string): "empty" | "tooLong" | null {
  if (text.trim().length === 0) return "empty";
  if (text.length > MAX_PROMPT_CHARS) return "tooLong";
  return null;
}
