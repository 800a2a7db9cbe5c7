"use server";
// Share links of a decision's report. parse → authorise (in the data layer) → write → revalidate → typed result.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { getRequestMeta } from "@/lib/server/request-meta";
import { createShareLink, revokeShareLink, SHARE_EXPIRY_DAYS } from "@/lib/server/share-links";

const createSchema = z.object({
  decisionId: z.string().min(1).max(64),
  days: z.coerce.number().refine((d) => (SHARE_EXPIRY_DAYS as readonly number[]).includes(d)),
});
const revokeSchema = z.object({ decisionId: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });

export type CreateShareLinkResult = { ok: true; url: string; expiresAt: string } | { ok: false; error: string };

export async function createShareLinkAction(input: unknown): Promise<CreateShareLinkResult> {
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalidInput" };
  const meta = await getRequestMeta();
  const result = await runAction(async () => createShareLink(await actorOrThrow(), { ...parsed.data, ip: meta.ip }));
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath(`/decisions/${parsed.data.decisionId}/report`);
  return { ok: true, url: `${meta.origin}/share/${result.value.token}`, expiresAt: result.value.expiresAt };
}

export async function revokeShareLinkAction(input: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = revokeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalidInput" };
  const meta = await getRequestMeta();
  const result = await runAction(async () =>
    revokeShareLink(await actorOrThrow(), { linkId: parsed.data.linkId, ip: meta.ip }),
  );
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath(`/decisions/${parsed.data.decisionId}/report`);
  return { ok: true };
}
