// Shared zod schemas for the workspace skill catalog, plus the fixed 0–10 level scale every rating refers to.
import { z } from "zod";

const id = z.string().min(1, "required").max(64, "required");
const version = z.number().int().min(1);

export const createSkillSchema = z.object({
  name: z.string().trim().min(1, "nameRequired").max(80, "nameTooLong"),
  category: z.string().trim().max(60, "categoryTooLong").default(""),
  description: z.string().trim().max(500, "descriptionTooLong").default(""),
});

export const updateSkillSchema = createSkillSchema.extend({ skillId: id, version });

export const deleteSkillSchema = z.object({ skillId: id, version });

export type CreateSkillInput = z.infer<typeof createSkillSchema>;
export type UpdateSkillInput = z.infer<typeof updateSkillSchema>;
export type DeleteSkillInput = z.infer<typeof deleteSkillSchema>;

/**
 * The level scale, 0–10. Fixed so ratings mean the same across teams; the words live in teams.levels.l0 … l10 of
 * both catalogs.
 */
export const SKILL_LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const levelKey = (level: number) =>
  `l${Math.max(0, Math.min(10, Math.floor(level)))}` as `l${(typeof SKILL_LEVELS)[number]}`;
