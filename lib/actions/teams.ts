"use server";
// Team and member actions, each a defineAction: parse (shared zod schema) → actor → data layer (which authorises) →
// revalidate → typed result. Called from client components with plain objects.
import { defineAction, withRequestMeta } from "@/lib/server/define-action";
import { addMember, createTeam, moveMember, removeMember, updateMember, updateTeam } from "@/lib/server/teams";
import {
  addMemberSchema,
  createTeamSchema,
  moveMemberSchema,
  removeMemberSchema,
  updateMemberSchema,
  updateTeamSchema,
} from "@/lib/validation/team";

const teamPages = ["/teams", { path: "/teams/[id]", type: "page" as const }];

export const createTeamAction = defineAction(createTeamSchema, withRequestMeta(createTeam), { revalidate: teamPages });

export const updateTeamAction = defineAction(updateTeamSchema, withRequestMeta(updateTeam), {
  // Decision headers show the team's name.
  revalidate: [...teamPages, { path: "/", type: "layout" }],
});

export const addMemberAction = defineAction(addMemberSchema, withRequestMeta(addMember), { revalidate: teamPages });

export const updateMemberAction = defineAction(updateMemberSchema, withRequestMeta(updateMember), {
  revalidate: teamPages,
});

export const moveMemberAction = defineAction(moveMemberSchema, withRequestMeta(moveMember), { revalidate: teamPages });

export const removeMemberAction = defineAction(removeMemberSchema, withRequestMeta(removeMember), {
  revalidate: teamPages,
});
