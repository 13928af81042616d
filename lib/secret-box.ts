import "server-only";
import crypto from "node:crypto";
import { serverEnv } from "@/lib/env";

/**
 * Encryption at rest for provider API keys: AES-256-GCM with a key derived (SHA-256) from
 * SHOWDOWN_SECRET_KEY. The stored form is "v1.<iv>.<tag>.<ciphertext>" in base64url. Plaintext keys
 * are only ever held in memory while calling a provider; they are never logged or returned.
 */
function key(): Buffer {
  const secret = serverEnv().SHOWDOWN_SECRET_KEY;
  if (!secret) {
    throw new Error(
      "Provider API keys need SHOWDOWN_SECRET_KEY (at least 32 characters) to be encrypted; set it, or start through `npm start`, which generates one.",
    );
  }
  return crypto.createHash("sha256").update(secret).digest();
}

export function encryptSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unreadable encrypted secret (unknown format).");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "An encrypted provider key could not be decrypted: SHOWDOWN_SECRET_KEY has changed since it was saved. Re-enter the key.",
    );
  }
}
