/** One field of an audit entry: its value before and after, and whether it changed. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  isChanged: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields of before and after (objects), in first-seen order; non-objects compare as one "value" field. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before == null && after == null) return [];
    return [{ field: "value", before, after, isChanged: JSON.stringify(before) !== JSON.stringify(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    isChanged: JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  }));
}

function show(value: unknown): string {
  if (value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** before → after per field, changed fields highlighted (server component). */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = fieldChanges(before, after);
  if (changes.length === 0) return <span className="text-slate-500">—</span>;
  const hasBefore = before != null;
  return (
    <ul className="space-y-0.5">
      {changes.map((c) => (
        <li
          key={c.field}
          data-field={c.field}
          data-changed={c.isChanged}
          className={c.isChanged && hasBefore ? "rounded bg-amber-100 px-1" : "px-1 text-slate-600"}
        >
          <span className="font-medium">{c.field}</span>:{" "}
          {hasBefore ? (
            <>
              <span className={c.isChanged ? "line-through" : undefined}>{show(c.before)}</span>
              {c.isChanged && (
                <>
                  {" "}
                  → <strong>{show(c.after)}</strong>
                </>
              )}
            </>
          ) : (
            <span className="break-all">{show(c.after)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
