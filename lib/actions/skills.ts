"use server";
// Skill catalog actions, each a defineAction: parse → actor → data layer (authorises) → revalidate → typed result.
import { defineAction, withRequestMeta } from "@/lib/server/define-action";
import { createSkill, deleteSkill, updateSkill } from "@/lib/server/skills";
import { createSkillSchema, deleteSkillSchema, updateSkillSchema } from "@/lib/validation/skill";

const skillPages = ["/skills", { path: "/teams/[id]", type: "page" as const }];

export const createSkillAction = defineAction(createSkillSchema, withRequestMeta(createSkill), {
  revalidate: skillPages,
});

export const updateSkillAction = defineAction(updateSkillSchema, withRequestMeta(updateSkill), {
  revalidate: skillPages,
});

export const deleteSkillAction = defineAction(deleteSkillSchema, withRequestMeta(deleteSkill), {
  revalidate: skillPages,
});
