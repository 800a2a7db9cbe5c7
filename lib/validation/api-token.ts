// Personal access tokens for /api/v1: the scopes a token may carry, its lifetime choices and the create/revoke
// inputs. Shared by the settings form, the server actions and the data layer; messages are keys under
// `settings.errors` (both languages).
import { z } from "zod";

/** read: every GET · write: change decisions, teams, facts · scores:write: the owner's own scores · admin: audit. */
export const API_SCOPES = ["read", "write", "scores:write", "admin"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const apiScopeSchema = z.enum(API_SCOPES);

export const API_TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;
/** The recognisable prefix secret scanners look for. */
export const API_TOKEN_PREFIX = "sw_pat_";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "tokenNameRequired").max(80, "tokenNameTooLong"),
  scopes: z.array(apiScopeSchema, { message: "scopesRequired" }).min(1, "scopesRequired").max(API_SCOPES.length),
  days: z.coerce.number().refine((d) => (API_TOKEN_EXPIRY_DAYS as readonly number[]).includes(d), "expiryInvalid"),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.string().min(1).max(64) });

/** Stored scopes (space-separated) → the known ones, in canonical order. */
export function parseScopes(stored: string): ApiScope[] {
  const set = new Set(stored.split(/\s+/));
  return API_SCOPES.filter((s) => set.has(s));
}
