"use server";
// Facts editor actions, called per row as the architect commits it. Each: parse (shared zod schema) → actor from the
// session (who entered it is always the signed-in user, never an input) → data layer (authorises, checks the lock,
// the criterion and the version) → revalidate → typed result. Conflicts come back as { error: "stale", current }.
import { z } from "zod";
import { defineAction, defineFormAction } from "@/lib/server/define-action";
import { importFactSnapshot, snapshotRejected } from "@/lib/server/fact-snapshot";
import { clearFact, setFact } from "@/lib/server/facts";
import { clearFactSchema, setFactSchema } from "@/lib/validation/fact";
import { parseSnapshotText } from "@/lib/validation/fact-snapshot";

/** A snapshot file is small (2,000 rows are about 300 kB); anything larger is refused before it is read. */
const SNAPSHOT_MAX_BYTES = 1_000_000;

const decisionLayout = (input: { decisionId: string }) => [
  { path: `/decisions/${input.decisionId}`, type: "layout" as const },
];

export const setFactAction = defineAction(setFactSchema, setFact, { revalidate: decisionLayout });

export const clearFactAction = defineAction(clearFactSchema, clearFact, { revalidate: decisionLayout });

/**
 * A metric snapshot file (the same JSON the API's facts/bulk takes), chosen on the facts page: all rows or none; the
 * refusal lists every row and field (`details`).
 */
export const importFactSnapshotAction = defineFormAction(
  z.object({ decisionId: z.string().min(1).max(64) }),
  async (actor, input, formData) => {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw snapshotRejected([{ row: -1, field: "file", code: "fileRequired" }]);
    if (file.size > SNAPSHOT_MAX_BYTES) throw snapshotRejected([{ row: -1, field: "file", code: "fileTooLarge" }]);
    const parsed = parseSnapshotText(await file.text());
    if (!parsed.ok) throw snapshotRejected(parsed.issues);
    const r = await importFactSnapshot(actor, input.decisionId, parsed.snapshot);
    return { created: r.created, updated: r.updated };
  },
  { revalidate: decisionLayout },
);
