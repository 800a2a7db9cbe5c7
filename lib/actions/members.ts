"use server";
// Workspace administration actions (members, invitations, settings). Each: parse → authorise (in the data layer,
// from the current session's actor) → write → revalidate → typed result.
import { revalidatePath } from "next/cache";
import {
  changeRoleSchema,
  createInvitationSchema,
  fieldErrorsOf,
  removeMemberSchema,
  revokeInvitationSchema,
  workspaceNameSchema,
} from "@/lib/validation/auth";
import { formFields, invalid, runAction, type ActionState } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { createInvitation, revokeInvitation } from "@/lib/server/invitations";
import { changeRole, removeMember } from "@/lib/server/members";
import { getRequestMeta } from "@/lib/server/request-meta";
import { renameWorkspace } from "@/lib/server/workspaces";

const MEMBERS_PATH = "/settings/members";

export async function changeRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = changeRoleSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () => changeRole(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (!result.ok) return result;
  revalidatePath(MEMBERS_PATH);
  return { ok: true, message: "roleChanged" };
}

export async function removeMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = removeMemberSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () => removeMember(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ok: true, message: "removed" };
}

/** Returns the link once; only its hash is stored, so it cannot be shown again. */
export async function createInvitationAction(
  _prev: ActionState<{ url: string }>,
  formData: FormData,
): Promise<ActionState<{ url: string }>> {
  const parsed = createInvitationSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const meta = await getRequestMeta();
  const result = await runAction(async () => createInvitation(await actorOrThrow(), parsed.data, meta));
  if (!result.ok) return result;
  revalidatePath(MEMBERS_PATH);
  return { ok: true, message: "created", data: { url: `${meta.origin}/invite/${result.value.token}` } };
}

export async function revokeInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = revokeInvitationSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () =>
    revokeInvitation(await actorOrThrow(), parsed.data.invitationId, await getRequestMeta()),
  );
  if (!result.ok) return result;
  revalidatePath(MEMBERS_PATH);
  return { ok: true, message: "revoked" };
}

export async function renameWorkspaceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = workspaceNameSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () =>
    renameWorkspace(await actorOrThrow(), parsed.data.name, await getRequestMeta()),
  );
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ok: true, message: "workspaceRenamed" };
}
