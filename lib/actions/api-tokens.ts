"use server";
// Personal access tokens of the signed-in user in the active workspace (settings → API tokens). parse → actor →
// data layer → revalidate → typed result; the secret is returned once and never stored.
import { z } from "zod";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { defineFormAction } from "@/lib/server/define-action";
import { getRequestMeta } from "@/lib/server/request-meta";
import { API_SCOPES, createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-token";

/** The form sends one checkbox per scope ("scope-read" = "on"); they become the scopes array. */
const createFormSchema = z
  .object({
    name: z.string(),
    days: z.string(),
    ...Object.fromEntries(API_SCOPES.map((s) => [`scope-${s}`, z.literal("on").optional()])),
  })
  .transform((f: Record<string, string | undefined>): unknown => ({
    name: f.name,
    days: f.days,
    scopes: API_SCOPES.filter((s) => f[`scope-${s}`] === "on"),
  }))
  .pipe(createApiTokenSchema);

const page = ["/settings/tokens"];

export const createApiTokenAction = defineFormAction(
  createFormSchema,
  async (actor, input) => {
    const { token, expiresAt } = await createApiToken(actor, input, { ip: (await getRequestMeta()).ip });
    return { token, expiresAt };
  },
  { revalidate: page, echo: ["name"] },
);

export const revokeApiTokenAction = defineFormAction(
  revokeApiTokenSchema,
  async (actor, input) => revokeApiToken(actor, input.tokenId, { ip: (await getRequestMeta()).ip }),
  { revalidate: page },
);
