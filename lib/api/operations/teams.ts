import "server-only";
// Teams, their members and skill ratings, the skill catalog, and a decision's skill requirements. Updates and
// removals name the version read in If-Match ("*": whatever is stored now), exactly as the UI's forms send it.
import { z } from "zod";
import { notFound } from "@/lib/errors/domain-error";
import { clearOverride, clearRating, setOverride, setRating } from "@/lib/server/ratings";
import { getTeamFit, removeRequirement, saveRequirement } from "@/lib/server/requirements";
import { createSkill, deleteSkill, getSkill, listSkills, updateSkill } from "@/lib/server/skills";
import {
  addMember,
  createTeam,
  getTeam,
  listTeams,
  moveMember,
  removeMember,
  updateMember,
  updateTeam,
} from "@/lib/server/teams";
import { setOverrideSchema, setRatingSchema } from "@/lib/validation/rating";
import { saveRequirementSchema } from "@/lib/validation/requirement";
import { createSkillSchema } from "@/lib/validation/skill";
import { addMemberSchema, createTeamSchema, moveMemberSchema, updateMemberSchema } from "@/lib/validation/team";
import type { Actor } from "@/lib/server/actor";
import { cursorParams, pageOf, windowOf } from "../cursor";
import { defineOperation } from "../operation";
import {
  overrideSchema,
  pageInfoSchema,
  ratingSchema,
  requirementSchema,
  skillSchema,
  teamMemberSchema,
  teamSchema,
  teamSummarySchema,
} from "../schemas";

const teamParam = z.object({ teamId: z.string().min(1).max(64) });
const decisionParam = z.object({ decisionId: z.string().min(1).max(64) });
const memberParam = teamParam.extend({ memberId: z.string().min(1).max(64) });
const cellParam = memberParam.extend({ skillId: z.string().min(1).max(64) });
const teamSkillParam = teamParam.extend({ skillId: z.string().min(1).max(64) });
const skillParam = z.object({ skillId: z.string().min(1).max(64) });
const requirementParam = decisionParam.extend({ requirementId: z.string().min(1).max(64) });

/** The version If-Match names, or the stored one for "*". */
const versionOf = (ifMatch: number | "*" | null, stored: { version: number }) =>
  typeof ifMatch === "number" ? ifMatch : stored.version;

async function memberOf(actor: Actor, teamId: string, memberId: string) {
  const team = await teamBody(actor, teamId);
  const member = team.members.find((m) => m.id === memberId);
  if (!member) throw notFound("member");
  return { team, member };
}

async function skillOrThrow(actor: Actor, skillId: string) {
  const skill = await getSkill(actor, skillId);
  if (!skill) throw notFound("skill");
  return skill;
}

const teamPatch = z
  .object({
    name: createTeamSchema.shape.name.optional(),
    description: createTeamSchema.shape.description.unwrap().optional(),
    aggregation: createTeamSchema.shape.aggregation.unwrap().optional(),
  })
  .strict();

const memberPatch = z
  .object({
    name: updateMemberSchema.shape.name.optional(),
    userId: z.string().max(64).nullable().optional().meta({ description: "A workspace user, or null for none." }),
  })
  .strict();

const skillPatch = z
  .object({
    name: createSkillSchema.shape.name.optional(),
    category: createSkillSchema.shape.category.unwrap().optional(),
    description: createSkillSchema.shape.description.unwrap().optional(),
  })
  .strict();

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
    description: "By name; paginated with an opaque cursor.",
    query: z.object(cursorParams(100)),
    response: z.object({ data: z.array(teamSummarySchema), page: pageInfoSchema }),
    handler: async ({ actor, query }) => pageOf(await listTeams(actor, windowOf(query)), query),
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
    description: "By category, then name; paginated with an opaque cursor.",
    query: z.object(cursorParams(100)),
    response: z.object({ data: z.array(skillSchema), page: pageInfoSchema }),
    handler: async ({ actor, query }) => pageOf(await listSkills(actor, windowOf(query)), query),
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
      const skill = await getSkill(actor, id);
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
  defineOperation({
    operationId: "updateTeam",
    method: "PATCH",
    path: "/teams/{teamId}",
    tag: "Teams",
    summary: "Rename a team, change its description or skill aggregation",
    description: "Requires If-Match with the team's ETag (428 without, 412 when it changed since).",
    scope: "write",
    permission: "team.write",
    params: teamParam,
    ifMatch: true,
    body: teamPatch,
    response: teamSchema,
    etag: (t) => t.version,
    handler: async ({ actor, params, body, ifMatch }) => {
      const t = await teamBody(actor, params.teamId);
      await updateTeam(actor, {
        teamId: t.id,
        version: versionOf(ifMatch, t),
        name: body.name ?? t.name,
        description: body.description ?? t.description,
        aggregation: body.aggregation ?? t.aggregation,
      });
      return teamBody(actor, t.id);
    },
  }),
  defineOperation({
    operationId: "updateTeamMember",
    method: "PATCH",
    path: "/teams/{teamId}/members/{memberId}",
    tag: "Teams",
    summary: "Rename a member or link them to a workspace user",
    description: "Requires If-Match with the member's version.",
    scope: "write",
    permission: "team.write",
    params: memberParam,
    ifMatch: true,
    body: memberPatch,
    response: teamMemberSchema,
    etag: (m) => m.version,
    handler: async ({ actor, params, body, ifMatch }) => {
      const { member } = await memberOf(actor, params.teamId, params.memberId);
      await updateMember(actor, {
        memberId: member.id,
        version: versionOf(ifMatch, member),
        name: body.name ?? member.name,
        userId: body.userId === undefined ? member.userId : body.userId || null,
      });
      return (await memberOf(actor, params.teamId, member.id)).member;
    },
  }),
  defineOperation({
    operationId: "moveTeamMember",
    method: "POST",
    path: "/teams/{teamId}/members/{memberId}/move",
    tag: "Teams",
    summary: "Move a member one place up or down in the team's order",
    description: "Requires If-Match with the member's version. At the top (or bottom) already, nothing moves.",
    scope: "write",
    permission: "team.write",
    params: memberParam,
    ifMatch: true,
    body: moveMemberSchema.pick({ direction: true }),
    response: z.object({ data: z.array(teamMemberSchema) }),
    handler: async ({ actor, params, body, ifMatch }) => {
      const { member } = await memberOf(actor, params.teamId, params.memberId);
      await moveMember(actor, { memberId: member.id, version: versionOf(ifMatch, member), direction: body.direction });
      return { data: (await teamBody(actor, params.teamId)).members };
    },
  }),
  defineOperation({
    operationId: "removeTeamMember",
    method: "DELETE",
    path: "/teams/{teamId}/members/{memberId}",
    tag: "Teams",
    summary: "Remove a member (their skill ratings go with them)",
    description: "Requires If-Match with the member's version.",
    scope: "write",
    permission: "team.write",
    params: memberParam,
    ifMatch: true,
    status: 204,
    handler: async ({ actor, params, ifMatch }) => {
      const { member } = await memberOf(actor, params.teamId, params.memberId);
      await removeMember(actor, { memberId: member.id, version: versionOf(ifMatch, member) });
      return null;
    },
  }),
  defineOperation({
    operationId: "clearRating",
    method: "DELETE",
    path: "/teams/{teamId}/ratings/{memberId}/{skillId}",
    tag: "Teams",
    summary: "Clear one member's rating in one skill",
    description: "Requires If-Match with the rating's version; a cell without a rating is a 404.",
    scope: "write",
    permission: "rating.write",
    params: cellParam,
    ifMatch: true,
    status: 204,
    handler: async ({ actor, params, ifMatch }) => {
      const { team, member } = await memberOf(actor, params.teamId, params.memberId);
      // Every member reads the ratings, so "no rating here" tells nobody anything new.
      const rating = team.ratings.find((r) => r.memberId === member.id && r.skillId === params.skillId);
      if (!rating) throw notFound("rating");
      await clearRating(actor, { memberId: member.id, skillId: params.skillId, version: versionOf(ifMatch, rating) });
      return null;
    },
  }),
  defineOperation({
    operationId: "setOverride",
    method: "PUT",
    path: "/teams/{teamId}/overrides",
    tag: "Teams",
    summary: "Set the team's level in one skill by judgement, with a reason",
    description:
      "Takes the place of the members' aggregate for that skill in team fit. `version: null` when you saw no override in that skill; otherwise the version read.",
    scope: "write",
    permission: "rating.write",
    params: teamParam,
    body: setOverrideSchema.omit({ teamId: true }),
    response: overrideSchema,
    handler: async ({ actor, params, body }) => {
      const team = await teamBody(actor, params.teamId);
      const o = await setOverride(actor, { ...body, teamId: team.id });
      return { skillId: body.skillId, level: o.level, reason: o.reason, version: o.version };
    },
  }),
  defineOperation({
    operationId: "clearOverride",
    method: "DELETE",
    path: "/teams/{teamId}/overrides/{skillId}",
    tag: "Teams",
    summary: "Clear the team's override in one skill (the members' aggregate counts again)",
    description: "Requires If-Match with the override's version; a skill without an override is a 404.",
    scope: "write",
    permission: "rating.write",
    params: teamSkillParam,
    ifMatch: true,
    status: 204,
    handler: async ({ actor, params, ifMatch }) => {
      const team = await teamBody(actor, params.teamId);
      const o = team.overrides.find((x) => x.skillId === params.skillId);
      if (!o) throw notFound("override");
      await clearOverride(actor, { teamId: team.id, skillId: params.skillId, version: versionOf(ifMatch, o) });
      return null;
    },
  }),
  defineOperation({
    operationId: "updateSkill",
    method: "PATCH",
    path: "/skills/{skillId}",
    tag: "Skills",
    summary: "Rename a skill or change its category or description",
    description: "Requires If-Match with the skill's version.",
    scope: "write",
    permission: "skill.write",
    params: skillParam,
    ifMatch: true,
    body: skillPatch,
    response: skillSchema,
    etag: (s) => s.version,
    handler: async ({ actor, params, body, ifMatch }) => {
      const s = await skillOrThrow(actor, params.skillId);
      await updateSkill(actor, {
        skillId: s.id,
        version: versionOf(ifMatch, s),
        name: body.name ?? s.name,
        category: body.category ?? s.category,
        description: body.description ?? s.description,
      });
      return skillOrThrow(actor, s.id);
    },
  }),
  defineOperation({
    operationId: "deleteSkill",
    method: "DELETE",
    path: "/skills/{skillId}",
    tag: "Skills",
    summary: "Remove a skill with its ratings, requirements and overrides",
    description: "Requires If-Match with the skill's version. `ratingCount` etc. on the skill say what goes with it.",
    scope: "write",
    permission: "skill.write",
    params: skillParam,
    ifMatch: true,
    status: 204,
    handler: async ({ actor, params, ifMatch }) => {
      const s = await skillOrThrow(actor, params.skillId);
      await deleteSkill(actor, { skillId: s.id, version: versionOf(ifMatch, s) });
      return null;
    },
  }),
  defineOperation({
    operationId: "removeRequirement",
    method: "DELETE",
    path: "/decisions/{decisionId}/requirements/{requirementId}",
    tag: "Requirements",
    summary: "Remove a candidate's skill requirement",
    description: "Requires If-Match with the requirement's version.",
    scope: "write",
    permission: "requirement.write",
    params: requirementParam,
    ifMatch: true,
    status: 204,
    handler: async ({ actor, params, ifMatch }) => {
      const fit = await getTeamFit(actor, params.decisionId);
      if (!fit) throw notFound("decision");
      const r = fit.requirements.find((x) => x.id === params.requirementId);
      if (!r) throw notFound("requirement");
      await removeRequirement(actor, {
        decisionId: params.decisionId,
        requirementId: r.id,
        version: versionOf(ifMatch, r),
      });
      return null;
    },
  }),
];
