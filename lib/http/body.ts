import { AppError } from "@/lib/errors";

/** The default cap of a JSON request body: every form and API body of the app is far smaller. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than this endpoint accepts (${formatBytes(limit)}).`, {
    limitBytes: String(limit),
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Reads a request body as UTF-8 text, never holding more than `limit` bytes: a Content-Length over
 * the limit is refused before reading anything, and a chunked or unannounced body is read piece by
 * piece and refused as soon as it passes the limit (the rest is not read). Invalid UTF-8 is a 400.
 */
export async function readBodyText(request: Request, limit: number = DEFAULT_BODY_LIMIT_BYTES): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Stop reading here; the response goes out and the server drops the unread rest with the connection.
      if (size > limit) throw tooLarge(limit);
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid UTF-8 text.");
  }
}
