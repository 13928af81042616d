import { handle, readQuery } from "@/lib/api";
import { CONTENT_TYPES, exportFileName } from "@/lib/export-format";
import { exportQuerySchema } from "@/lib/openapi/parameters";
import { recordAudit } from "@/lib/queries/audit";
import { db } from "@/lib/db";
import { exportVotes } from "@/lib/queries/exports";
import { currentBearer } from "@/lib/api-tokens/context";
import { requireRole } from "@/lib/session";

export const dynamic = "force-dynamic";

/** Turns the export's chunks into a byte stream; a failure mid-way aborts the download (logged). */
function toStream(chunks: AsyncGenerator<string, void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error("Vote export failed while streaming", error);
        controller.error(new Error("export failed"));
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * Released votes (everything cast before now − holdout, demo votes never) as JSON lines or CSV,
 * for customers and admins. The cutoff is in X-Showdown-Data-Cutoff; each download is audited.
 */
export const GET = handle(async (request: Request) => {
  const { format } = readQuery(request, exportQuerySchema);
  const user = await requireRole("CUSTOMER", "ADMIN");
  const exported = await exportVotes({ format });
  await recordAudit(
    db(),
    { id: user.id, email: user.email },
    {
      action: "export.download",
      entity: "export",
      after: {
        format,
        dataCutoff: exported.cutoff.toISOString(),
        holdoutDays: exported.holdoutDays,
        ...(currentBearer() ? { apiTokenId: currentBearer()!.tokenId } : {}),
      },
    },
  );
  return new Response(toStream(exported.chunks), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${exportFileName(exported.cutoff, format)}"`,
      "Cache-Control": "no-store",
      "X-Showdown-Data-Cutoff": exported.cutoff.toISOString(),
      "X-Showdown-Holdout-Days": String(exported.holdoutDays),
      "X-Content-Type-Options": "nosniff",
    },
  });
});
