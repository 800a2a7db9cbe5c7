"use server";
// Team and member actions. Each: parse (shared zod schema) → actor → data layer (which authorises) → revalidate →
// typed result. Called from client components with plain objects.
import { revalidatePath } from "next/cache";
import { invalid, runForData as run, type ActionResult } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { getRequestMeta } from "@/lib/server/request-meta";
import { addMember, createTeam, moveMember, removeMember, updateMember, updateTeam } from "@/lib/server/teams";
import {
  addMemberSchema,
  createTeamSchema,
  fieldErrorsOf,
  moveMemberSchema,
  removeMemberSchema,
  updateMemberSchema,
  updateTeamSchema,
} from "@/lib/validation/team";

function refreshTeams() {
  revalidatePath("/teams");
  revalidatePath("/teams/[id]", "page");
}

export async function createTeamAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = createTeamSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await run(async () => createTeam(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (result.ok) refreshTeams();
  return result;
}

export async function updateTeamAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const parsed = updateTeamSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await run(async () => updateTeam(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (result.ok) {
    refreshTeams();
    revalidatePath("/", "layout"); // decision headers show the team's name
  }
  return result;
}

export async function addMemberAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = addMemberSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await run(async () => addMember(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (result.ok) refreshTeams();
  return result;
}

export async function updateMemberAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const parsed = updateMemberSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await run(async () => updateMember(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (result.ok) refreshTeams();
  return result;
}

export async function moveMemberAction(input: unknown): Promise<ActionResult<void>> {
  const parsed = moveMemberSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await run(async () => moveMember(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (result.ok) refreshTeams();
  return result;
}

export async function removeMemberAction(input: unknown): Promise<ActionResult<void>> {
  const parsed = removeMemberSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await run(async () => removeMember(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (result.ok) refreshTeams();
  return result;
}
