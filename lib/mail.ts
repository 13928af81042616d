import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { serverEnv } from "@/lib/env";

/**
 * Outgoing mail through the SMTP server in SMTP_URL (nodemailer). Without SMTP_URL the app sends
 * nothing: features that need mail (email verification) say so instead of failing.
 */

let cached: { url: string; transport: Transporter } | undefined;

/** True when SMTP_URL is set. */
export function isMailConfigured(): boolean {
  return Boolean(serverEnv().SMTP_URL);
}

/** The From address: SMTP_FROM, else no-reply at the app's host. */
function fromAddress(): string {
  const env = serverEnv();
  if (env.SMTP_FROM) return env.SMTP_FROM;
  const host = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).hostname : "localhost";
  return `Showdown <no-reply@${host}>`;
}

/** Sends one plain-text message; throws if SMTP_URL is unset or the server refuses it. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const url = serverEnv().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: this deployment does not send email");
  if (cached?.url !== url)
    cached = {
      url,
      transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  await cached.transport.sendMail({ from: fromAddress(), ...message });
}
