import "server-only";
// Teams, their members and skill ratings, the skill catalog, and a decision's skill requirements.
import { z } from "zod";
import { notFound } from "@/lib/errors/domain-error";
import { setRating } from "@/lib/server/ratings";
import { getTeamFit, saveRequirement } from "@/lib/server/requirements";
import { createSkill, listSkills } from "@/lib/server/skills";
import { addMember, createTeam, getTeam, listTeams } from "@/lib/server/teams";
import { setRatingSchema } from "@/lib/validation/rating";
import { saveRequirementSchema } from "@/lib/validation/requirement";
import { createSkillSchema } from "@/lib/validation/skill";
import { addMemberSchema, createTeamSchema } from "@/lib/validation/team";
import type { Actor } from "@/lib/server/actor";
import { defineOperation } from "../operation";
import {
  ratingSchema,
  requirementSchema,
  skillSchema,
  teamMemberSchema,
  teamSchema,
  teamSummarySchema,
} from "../schemas";

const teamParam = z.object({ teamId: z.string().min(1).max(64) });
const decisionParam = z.object({ decisionId: z.string().min(1).max(64) });

async function teamBody(actor: Actor, teamId: string): Promise<z.infer<typeof teamSchema>> {
  const t = await getTeam(actor, teamId);
  if (!t) throw notFound("team");
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    aggregation: t.aggregation,
    version: t.version,
    members: t.members,
    ratings: t.ratings,
    overrides: t.overrides,
  };
}

export const teamOperations = [
  defineOperation({
    operationId: "listTeams",
    method: "GET",
    path: "/teams",
    tag: "Teams",
    summary: "List teams",
    scope: "read",
    permission: "decision.read",
    response: z.object({ data: z.array(teamSummarySchema) }),
    handler: async ({ actor }) => ({ data: await listTeams(actor) }),
  }),
  defineOperation({
    operationId: "createTeam",
    method: "POST",
    path: "/teams",
    tag: "Teams",
    summary: "Create a team",
    scope: "write",
    permission: "team.write",
    body: createTeamSchema,
    response: teamSchema,
    status: 201,
    etag: (t) => t.version,
    handler: async ({ actor, body }) => teamBody(actor, (await createTeam(actor, body)).id),
  }),
  defineOperation({
    operationId: "getTeam",
    method: "GET",
    path: "/teams/{teamId}",
    tag: "Teams",
    summary: "A team with its members, skill ratings and overrides",
    scope: "read",
    permission: "decision.read",
    params: teamParam,
    response: teamSchema,
    etag: (t) => t.version,
    handler: async ({ actor, params }) => teamBody(actor, params.teamId),
  }),
  defineOperation({
    operationId: "addTeamMember",
    method: "POST",
    path: "/teams/{teamId}/members",
    tag: "Teams",
    summary: "Add a member (a person whose skills are rated)",
    scope: "write",
    permission: "team.write",
    params: teamParam,
    body: addMemberSchema.omit({ teamId: true }),
    response: teamMemberSchema,
    status: 201,
    handler: async ({ actor, params, body }) => {
      const { id } = await addMember(actor, { ...body, teamId: params.teamId });
      const member = (await teamBody(actor, params.teamId)).members.find((m) => m.id === id);
      if (!member) throw notFound("member");
      return member;
    },
  }),
  defineOperation({
    operationId: "setRating",
    method: "PUT",
    path: "/teams/{teamId}/ratings",
    tag: "Teams",
    summary: "Set one member's level (0–10) in one skill",
    description: "`version: null` when you saw no rating in that cell; otherwise the version read.",
    scope: "write",
    permission: "rating.write",
    params: teamParam,
    body: setRatingSchema,
    response: ratingSchema,
    handler: async ({ actor, params, body }) => {
      const team = await teamBody(actor, params.teamId);
      if (!team.members.some((m) => m.id === body.memberId)) throw notFound("member");
      const cell = await setRating(actor, body);
      return { memberId: body.memberId, skillId: body.skillId, level: cell.level, version: cell.version };
    },
  }),
  defineOperation({
    operationId: "listSkills",
    method: "GET",
    path: "/skills",
    tag: "Skills",
    summary: "The workspace's skill catalog",
    scope: "read",
    permission: "decision.read",
    response: z.object({ data: z.array(skillSchema) }),
    handler: async ({ actor }) => ({ data: await listSkills(actor) }),
  }),
  defineOperation({
    operationId: "createSkill",
    method: "POST",
    path: "/skills",
    tag: "Skills",
    summary: "Add a skill to the catalog",
    scope: "write",
    permission: "skill.write",
    body: createSkillSchema,
    response: skillSchema,
    status: 201,
    handler: async ({ actor, body }) => {
      const { id } = await createSkill(actor, body);
      const skill = (await listSkills(actor)).find((s) => s.id === id);
      if (!skill) throw notFound("skill");
      return skill;
    },
  }),
  defineOperation({
    operationId: "listRequirements",
    method: "GET",
    path: "/decisions/{decisionId}/requirements",
    tag: "Requirements",
    summary: "The skills each candidate needs",
    scope: "read",
    permission: "decision.read",
    params: decisionParam,
    response: z.object({ data: z.array(requirementSchema) }),
    handler: async ({ actor, params }) => {
      const fit = await getTeamFit(actor, params.decisionId);
      if (!fit) throw notFound("decision");
      return { data: fit.requirements };
    },
  }),
  defineOperation({
    operationId: "saveRequirement",
    method: "PUT",
    path: "/decisions/{decisionId}/requirements",
    tag: "Requirements",
    summary: "Add or change a candidate's skill requirement",
    scope: "write",
    permission: "requirement.write",
    params: decisionParam,
    body: saveRequirementSchema.omit({ decisionId: true }),
    response: requirementSchema,
    etag: (r) => r.version,
    handler: async ({ actor, params, body }) => saveRequirement(actor, { ...body, decisionId: params.decisionId }),
  }),
];
