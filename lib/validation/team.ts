// Shared zod schemas for teams and their members: the forms run them before sending, the server actions run them
// again. Messages are translation keys under "teams.errors" (both languages).
import { z } from "zod";
import { TEAM_AGGREGATIONS, teamAggregationSchema } from "./enums";

export { TEAM_AGGREGATIONS };
export type TeamAggregationChoice = (typeof TEAM_AGGREGATIONS)[number];

const id = z.string().min(1, "required").max(64, "required");
export const version = z.number().int().min(1);

const teamName = z.string().trim().min(1, "nameRequired").max(80, "nameTooLong");
const description = z.string().trim().max(500, "descriptionTooLong");
const personName = z.string().trim().min(1, "nameRequired").max(80, "nameTooLong");

export const createTeamSchema = z.object({
  name: teamName,
  description: description.default(""),
  aggregation: teamAggregationSchema.default("top2"),
});

export const updateTeamSchema = createTeamSchema.extend({ teamId: id, version });

export const addMemberSchema = z.object({
  teamId: id,
  name: personName,
  /** A workspace user the person is; empty string means "just a named person". */
  userId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => (v ? v : null)),
});

export const updateMemberSchema = z.object({
  memberId: id,
  version,
  name: personName,
  userId: z
    .string()
    .max(64)
    .nullish()
    .transform((v) => (v ? v : null)),
});

export const moveMemberSchema = z.object({ memberId: id, version, direction: z.enum(["up", "down"]) });

export const removeMemberSchema = z.object({ memberId: id, version });

export type CreateTeamInput = z.infer<typeof createTeamSchema>;
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;
export type AddMemberInput = z.infer<typeof addMemberSchema>;
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;
export type MoveMemberInput = z.infer<typeof moveMemberSchema>;
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;

/** Field → first error key. */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}
