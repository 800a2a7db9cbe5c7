"use server";
// Account actions. Every export here is a public endpoint: each one parses its input with the shared zod schema,
// authenticates, calls the data layer and returns a typed result (or redirects). Nothing is written on bad input.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import {
  changeNameSchema,
  changePasswordSchema,
  fieldErrorsOf,
  inviteSignUpSchema,
  signInSchema,
  signUpSchema,
  switchWorkspaceSchema,
} from "@/lib/validation/auth";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import * as accounts from "@/lib/server/accounts";
import { echo, formFields, invalid, runAction, type ActionState } from "@/lib/server/action-result";
import { currentActor, sessionOrThrow } from "@/lib/server/context";
import { acceptInvitation, acceptInvitationWithSignUp } from "@/lib/server/invitations";
import { getRequestMeta } from "@/lib/server/request-meta";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "@/lib/server/session-cookie";
import { leaveWorkspace } from "@/lib/server/members";
import { switchWorkspace } from "@/lib/server/workspaces";

export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const parsed = signUpSchema.safeParse(fields);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), echo(fields, ["name", "email", "workspaceName"]));
  const meta = await getRequestMeta();
  const result = await runAction(() => accounts.signUp(parsed.data, meta));
  if (!result.ok) return { ...result, values: echo(fields, ["name", "email", "workspaceName"]) };
  await setSessionCookie(result.value.token, result.value.expiresAt, meta.secure);
  redirect("/");
}

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const parsed = signInSchema.safeParse(fields);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), echo(fields, ["email"]));
  const meta = await getRequestMeta();
  const result = await runAction(() => accounts.signIn(parsed.data, meta));
  if (!result.ok) return { ...result, values: echo(fields, ["email"]) };
  await setSessionCookie(result.value.token, result.value.expiresAt, meta.secure);
  redirect(safeRedirectPath(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  const token = await readSessionCookie();
  if (token) await accounts.signOut(token, await getRequestMeta());
  await clearSessionCookie();
  redirect("/sign-in");
}

export async function signOutEverywhereAction(): Promise<void> {
  const session = await currentSessionOrSignIn();
  const actor = await currentActor();
  await accounts.signOutEverywhere(session.userId, actor?.workspaceId ?? null, await getRequestMeta());
  await clearSessionCookie();
  redirect("/sign-in");
}

async function currentSessionOrSignIn() {
  try {
    return await sessionOrThrow();
  } catch {
    redirect("/sign-in");
  }
}

export async function changeNameAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const parsed = changeNameSchema.safeParse(fields);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), echo(fields, ["name"]));
  const result = await runAction(async () => {
    const session = await sessionOrThrow();
    const actor = await currentActor();
    await accounts.changeName(session.userId, actor?.workspaceId ?? null, parsed.data.name, await getRequestMeta());
  });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ok: true, message: "nameSaved" };
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = changePasswordSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () => {
    const session = await sessionOrThrow();
    const actor = await currentActor();
    await accounts.changePassword(
      { userId: session.userId, sessionId: session.id, workspaceId: actor?.workspaceId ?? null },
      parsed.data,
      await getRequestMeta(),
    );
  });
  if (!result.ok)
    return result.error === "wrongPassword" ? { ...result, fieldErrors: { currentPassword: "wrongPassword" } } : result;
  return { ok: true, message: "passwordChanged" };
}

export async function switchWorkspaceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = switchWorkspaceSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () => {
    const session = await sessionOrThrow();
    await switchWorkspace(session, parsed.data.workspaceId, await getRequestMeta());
  });
  if (!result.ok) return result;
  // Every page shows workspace data; the decision a user was looking at may not exist in the new workspace.
  revalidatePath("/", "layout");
  redirect("/");
}

/** A signed-in user accepts an invitation (token bound on the page). */
export async function acceptInvitationAction(token: string, _prev: ActionState): Promise<ActionState> {
  const result = await runAction(async () => {
    const session = await sessionOrThrow();
    await acceptInvitation(session, String(token), await getRequestMeta());
  });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect("/");
}

/** A new person creates their account through an invitation link and joins with the invited role. */
export async function inviteSignUpAction(token: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const parsed = inviteSignUpSchema.safeParse(fields);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), echo(fields, ["name", "email"]));
  const meta = await getRequestMeta();
  const result = await runAction(() => acceptInvitationWithSignUp(String(token), parsed.data, meta));
  if (!result.ok) return { ...result, values: echo(fields, ["name", "email"]) };
  await setSessionCookie(result.value.token, result.value.expiresAt, meta.secure);
  redirect("/");
}

/** Leaves a workspace the signed-in user belongs to (refused for its last admin). */
export async function leaveWorkspaceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = switchWorkspaceSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () => {
    const session = await sessionOrThrow();
    await leaveWorkspace(session.userId, parsed.data.workspaceId, await getRequestMeta());
  });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ok: true, message: "left" };
}
