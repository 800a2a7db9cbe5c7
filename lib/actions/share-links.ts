"use server";
// Share links of a decision's report. defineAction: parse → actor → data layer (authorises) → revalidate → typed
// result. Only the link's hash is stored, so the URL is returned once.
import { z } from "zod";
import { defineAction } from "@/lib/server/define-action";
import { getRequestMeta } from "@/lib/server/request-meta";
import { createShareLink, revokeShareLink, SHARE_EXPIRY_DAYS } from "@/lib/server/share-links";

const createSchema = z.object({
  decisionId: z.string().min(1).max(64),
  days: z.coerce.number().refine((d) => (SHARE_EXPIRY_DAYS as readonly number[]).includes(d)),
});
const revokeSchema = z.object({ decisionId: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });
const reportPage = (input: { decisionId: string }) => [`/decisions/${input.decisionId}/report`];

export const createShareLinkAction = defineAction(
  createSchema,
  async (actor, input) => {
    const meta = await getRequestMeta();
    const link = await createShareLink(actor, { ...input, ip: meta.ip });
    return { url: `${meta.origin}/share/${link.token}`, expiresAt: link.expiresAt };
  },
  { revalidate: reportPage },
);

export const revokeShareLinkAction = defineAction(
  revokeSchema,
  async (actor, input) => revokeShareLink(actor, { linkId: input.linkId, ip: (await getRequestMeta()).ip }),
  { revalidate: reportPage },
);
